'use client';

import { type FormEvent, useState } from 'react';
import type { PublicVerifyReport } from '../../services/records/verify-upload';
import './records.css';
import { VerifyReportView } from './verify-report-view';

/** Public upload form: posts the file to /api/verify and shows the report, with the JSON as a download. */
export function VerifyUploadForm() {
  const [report, setReport] = useState<PublicVerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    // The signed-PDF button posts natively (formAction) so the browser downloads the answer.
    if ((e.nativeEvent as SubmitEvent).submitter?.dataset.testid === 'verify-signed-pdf') return;
    e.preventDefault();
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const response = await fetch('/api/verify', { method: 'POST', body: new FormData(e.currentTarget) });
      const body = await response.json();
      if (!response.ok) setError(body.detail ?? body.title ?? `HTTP ${response.status}`);
      else setReport(body as PublicVerifyReport);
    } catch (err) {
      setError(String(err));
    } finally {
      setBusy(false);
    }
  };
  const jsonHref = report
    ? `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(report, null, 2))}`
    : null;
  return (
    <section className="card">
      <form onSubmit={onSubmit} data-testid="verify-form">
        <input
          type="file"
          name="file"
          accept=".pdf,.zip,application/pdf,application/zip"
          required
          data-testid="verify-file"
        />{' '}
        <button type="submit" disabled={busy} data-testid="verify-submit">
          验证 / Verify
        </button>{' '}
        {/* A plain form post: the browser downloads the signed PDF the route answers with. */}
        <button
          type="submit"
          className="secondary"
          formAction="/api/verify/report"
          formMethod="post"
          formEncType="multipart/form-data"
          data-testid="verify-signed-pdf"
        >
          签名版 PDF 报告 / Signed PDF report
        </button>
      </form>
      {error && (
        <div className="alert" role="alert" data-testid="verify-error">
          {error}
        </div>
      )}
      {report && (
        <>
          <VerifyReportView report={report} />
          <a href={jsonHref!} download={`verify-${report.sha256.slice(0, 12)}.json`} data-testid="verify-json">
            下载 JSON 报告 / Download JSON report
          </a>
        </>
      )}
    </section>
  );
}
