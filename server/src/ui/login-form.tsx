'use client';

import { type FormEvent, useState } from 'react';
import { type Lang, translate } from '../i18n/messages';

export function LoginForm({ lang }: { lang: Lang }) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }),
    });
    setBusy(false);
    if (res.ok) {
      location.href = '/console';
      return;
    }
    setError(res.status === 429 ? t('login.limited') : t('login.failed'));
  };
  return (
    <div className="card login">
      <h2>{t('login.title')}</h2>
      <form onSubmit={submit}>
        <label htmlFor="username">{t('login.username')}</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <div className="alert" role="alert">
            {error}
          </div>
        )}
        <p>
          <button type="submit" disabled={busy}>
            {t('login.submit')}
          </button>
        </p>
      </form>
    </div>
  );
}
