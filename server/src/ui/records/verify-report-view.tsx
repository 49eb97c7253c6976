'use client';

import type { PublicVerifyReport } from '../../services/records/verify-upload';

const VERDICT_TEXT = {
  VALID: ['验证通过', 'Valid'],
  INVALID: ['验证未通过', 'Not valid'],
  INDETERMINATE: ['无法确定', 'Indeterminate'],
} as const;

/** The public report: verdict, readable reasons (zh-CN, then English), then the per-signature facts. */
export function VerifyReportView({ report }: { report: PublicVerifyReport }) {
  const [zh, en] = VERDICT_TEXT[report.verdict];
  return (
    <div data-testid="verify-report" data-verdict={report.verdict}>
      <h3 className={`verdict verdict-${report.verdict}`} data-testid="verify-verdict">
        {zh} / {en}
      </h3>
      <p className="muted">
        {report.kind.toUpperCase()} · SHA-256 <code>{report.sha256}</code> · {report.size} bytes
      </p>
      {report.reasons.length > 0 && (
        <>
          <h4>原因 / Reasons</h4>
          <ul data-testid="verify-reasons">
            {report.reasons.map((r) => (
              <li key={r.code} data-code={r.code}>
                {r.zh}
                <br />
                <span className="muted">
                  {r.en} ({r.code})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.pdf?.signatures.map((s) => (
        <div key={s.fieldName} className="sig-report">
          <h5>
            {s.fieldName} ({s.kind}) — {s.verdict}
          </h5>
          <ul className="muted">
            <li>
              完整性 / Integrity: {s.intact && s.signatureValid ? '✔' : '✘'} {s.coverage}
            </li>
            <li>证书链 / Chain: {s.trusted ? '✔' : '✘'}</li>
            <li>级别 / Level: {s.level}</li>
            <li>时间戳 / Time-stamp: {s.timestampTime ?? '—'}</li>
            {s.certificate && <li>证书 / Certificate: {s.certificate.subject}</li>}
          </ul>
        </div>
      ))}
      {report.bundle && (
        <table>
          <tbody>
            {report.bundle.map((s) => (
              <tr key={s.step}>
                <td>{s.step}</td>
                <td>{s.status}</td>
                <td className="muted">{s.errors.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
