'use client';

import { useQuery } from '@tanstack/react-query';
import { errorText } from '../error-text';
import { useT, useTRPC } from '../providers';

/** The audit events of one envelope or patient, with the verdict of the whole hash chain. */
export function AuditTrail({ scope }: { scope: { envelopeId: string } | { patientId: string } }) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const trail = useQuery(trpc.records.listAuditTrail.queryOptions(scope));
  if (trail.error) return <div className="alert">{errorText(trail.error, lang)}</div>;
  if (!trail.data) return <p className="muted">…</p>;
  const { chain, entries } = trail.data;
  return (
    <section className="card" data-testid="audit-trail">
      <h3>
        {'patientId' in scope ? t('records.patientAudit') : t('records.audit')}{' '}
        <span
          className={chain.intact ? 'status status-completed' : 'status status-failed'}
          data-testid="audit-chain"
          data-intact={chain.intact}
        >
          {chain.intact ? t('records.chainIntact') : `${t('records.chainBroken')} (#${chain.brokenAt} ${chain.reason})`}
        </span>
      </h3>
      <table>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action} data-testid="audit-entry">
              <td>{new Date(e.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
              <td>{e.action}</td>
              <td>{e.actorName ?? `${e.actorType}${e.actorId ? ` ${e.actorId.slice(0, 8)}` : ''}`}</td>
              <td className="muted">
                {Object.entries(e.details)
                  .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                  .join(' · ')}
              </td>
              <td>{e.rowIntact ? '✔' : '✘'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
