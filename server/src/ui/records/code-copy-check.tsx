'use client';

import { type FormEvent, useState } from 'react';

/** Lets the holder of a copy check it against the sealed original behind the code (byte-for-byte). */
export function CodeCopyCheck({ code }: { code: string }) {
  const [result, setResult] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const response = await fetch(`/api/verify/${code}`, { method: 'POST', body: new FormData(e.currentTarget) });
    const body = await response.json();
    if (!response.ok) setError(body.detail ?? body.title ?? `HTTP ${response.status}`);
    else setResult(body.matches === true);
  };
  return (
    <form onSubmit={onSubmit} data-testid="copy-check">
      <p>持有纸质或电子副本？上传电子副本以与原件比对。 / Holding a copy? Upload it to compare with the original.</p>
      <input type="file" name="file" accept=".pdf,application/pdf" required data-testid="copy-file" />{' '}
      <button type="submit">比对 / Compare</button>
      {result !== null && (
        <p data-testid="copy-result" data-matches={result} className={result ? 'verdict-VALID' : 'verdict-INVALID'}>
          {result ? '与原件一致 / Matches the original' : '与原件不一致 / Differs from the original'}
        </p>
      )}
      {error && <div className="alert">{error}</div>}
    </form>
  );
}
