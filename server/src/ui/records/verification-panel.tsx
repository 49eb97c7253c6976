'use client';

import { useQuery } from '@tanstack/react-query';
import { errorText } from '../error-text';
import { useT, useTRPC } from '../providers';
import { PdfReportView } from './pdf-report-view';

const mark = (ok: boolean) => (ok ? '✔' : '✘');

/** PDF verification per signed document and evidence-bundle verification (incl. the log proof) per signer. */
export function VerificationPanel({ envelopeId }: { envelopeId: string }) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const checks = useQuery(trpc.records.verifySigning.queryOptions({ envelopeId }, { staleTime: 60_000 }));
  if (checks.error) return <div className="alert">{errorText(checks.error, lang)}</div>;
  if (!checks.data) return <p className="muted">{t('records.verifying')}</p>;
  return (
    <section className="card" data-testid="verification-panel">
      <h3>{t('records.verification')}</h3>
      {checks.data.documents.map((d) => (
        <div key={d.documentId} data-testid="pdf-verification" data-verdict={d.report?.verdict ?? 'UNSIGNED'}>
          <h4>{d.title}</h4>
          {d.report ? <PdfReportView report={d.report} /> : <p className="muted">—</p>}
        </div>
      ))}
      {checks.data.bundles.map((b) => {
        const log = b.steps.find((s) => s.step === 'log');
        return (
          <div key={b.bundleId} data-testid="bundle-verification" data-valid={b.valid}>
            <h4>
              {t('records.bundle')} {mark(b.valid)}{' '}
              <span className="muted">
                {t('records.logProof')}: {log?.status ?? '—'}
                {b.tlogIndex !== null ? ` (#${b.tlogIndex})` : ''}
              </span>
            </h4>
            <table>
              <tbody>
                {b.steps.map((s) => (
                  <tr key={s.step}>
                    <td>{s.step}</td>
                    <td className={s.status === 'fail' ? 'status-failed' : ''}>{s.status}</td>
                    <td className="muted">
                      {s.errors.map((e) => `${e.code}: ${e.message}`).join('; ') ||
                        Object.entries(s.facts)
                          .slice(0, 4)
                          .map(([k, v]) => `${k}=${v}`)
                          .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
