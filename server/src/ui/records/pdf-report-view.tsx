'use client';

import type { PdfReportSummary } from '../../services/records/pdf-report-summary';
import { useT } from '../providers';

const mark = (ok: boolean) => (ok ? '✔' : '✘');

/** One PDF verification report: per signature integrity, chain, level, time-stamp, certificate; then revisions. */
export function PdfReportView({ report }: { report: PdfReportSummary }) {
  const { t } = useT();
  return (
    <div className="pdf-report">
      <p>
        <strong className={`verdict verdict-${report.verdict}`} data-testid="pdf-verdict">
          {report.verdict}
        </strong>
      </p>
      {report.issues.length > 0 && (
        <ul data-testid="pdf-issues">
          {report.issues.map((i) => (
            <li key={`${i.code}-${i.message}`}>
              {i.code}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {report.signatures.map((s) => (
        <div key={s.fieldName} className="sig-report" data-testid="signature-report" data-level={s.level}>
          <h5>
            {s.fieldName} ({s.kind}) — {s.verdict}
          </h5>
          <ul>
            <li>
              {t('records.integrity')}: {mark(s.intact && s.signatureValid)} {s.coverage}
            </li>
            <li>
              {t('records.chain')}: {mark(s.trusted)}
            </li>
            <li>
              {t('records.level')}: {s.level}
            </li>
            <li>
              {t('records.timestamp')}: {s.timestampTime ?? '—'}
            </li>
            {s.certificate && (
              <li>
                {t('records.certificate')}: {s.certificate.subject} · {s.certificate.issuer} · #
                {s.certificate.serialNumber} · {s.certificate.validFrom.slice(0, 10)} –{' '}
                {s.certificate.validTo.slice(0, 10)}
              </li>
            )}
            {s.issues.map((i) => (
              <li key={`${i.code}-${i.message}`} className="status-failed">
                {i.code}: {i.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <details>
        <summary>{t('records.revisions')}</summary>
        <table>
          <tbody>
            {report.revisions.map((r) => (
              <tr key={r.index}>
                <td>#{r.index}</td>
                <td>{r.kind}</td>
                <td>{r.signatures.join(', ') || '—'}</td>
                <td>{r.modifications}</td>
                <td>{r.issues.map((i) => i.code).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
