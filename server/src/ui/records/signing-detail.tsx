'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { errorText } from '../error-text';
import { useT, useTRPC } from '../providers';
import { AuditTrail } from './audit-trail';
import { ComparePanel } from './compare-panel';
import { PdfViewer } from './pdf-viewer';
import './records.css';
import { SubmissionPanel } from './submission-panel';
import { VerificationPanel } from './verification-panel';

/** The records detail page of one signing: documents, verification, captured evidence, compare, exports, audit. */
export function SigningDetail({ envelopeId }: { envelopeId: string }) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const detail = useQuery(trpc.records.getSigning.queryOptions({ envelopeId }, { staleTime: Infinity }));
  if (detail.error)
    return (
      <div className="alert" data-testid="records-error">
        {errorText(detail.error, lang)}
      </div>
    );
  const d = detail.data;
  if (!d) return <p className="muted">…</p>;
  return (
    <>
      <section className="card" data-testid="signing-header">
        <h2>
          {t('records.detail')} — {d.patient.name} <span className="muted">{d.patient.mrn}</span>
        </h2>
        <p className="muted">
          {d.envelope.wardName ?? '—'} · {d.envelope.channel} ·{' '}
          <span className={`status status-${d.envelope.status}`}>{d.envelope.status}</span> ·{' '}
          {new Date(d.envelope.createdAt).toLocaleString()}{' '}
          {d.envelope.completedAt ? `→ ${new Date(d.envelope.completedAt).toLocaleString()}` : ''}
        </p>
        <p>
          <Link href={`/console/records/patients/${d.patient.id}`}>{t('records.patientAudit')}</Link>
        </p>
      </section>
      <div className="records-columns">
        <section className="card">
          <h3>{t('records.viewer')}</h3>
          {d.documents.map((doc, i) => (
            <div key={doc.id}>
              <h4>
                {doc.title} <span className="muted">{doc.status}</span>
                {doc.verificationCode && <code className="code"> {doc.verificationCode}</code>}
              </h4>
              <PdfViewer url={`/api/records/${envelopeId}/documents/${doc.id}`} testId={`pdf-viewer-${i}`} />
            </div>
          ))}
        </section>
        <VerificationPanel envelopeId={envelopeId} />
      </div>
      {d.submissions.map((s) => {
        const signer = d.signers.find((x) => x.id === s.signerId);
        return (
          <SubmissionPanel
            key={s.id}
            envelopeId={envelopeId}
            submission={s}
            signerLabel={
              signer
                ? `${signer.name}（${signer.role}${signer.relationship ? ` · ${signer.relationship}` : ''}）`
                : s.signerId
            }
          />
        );
      })}
      <ComparePanel envelopeId={envelopeId} />
      <section className="card" data-testid="exports">
        <h3>{t('records.exports')}</h3>
        <div className="row">
          {d.submissions
            .filter((s) => s.bundleId)
            .map((s) => (
              <a
                key={s.id}
                href={`/api/records/${envelopeId}/bundles/${s.bundleId}`}
                data-testid="export-bundle"
                download
              >
                {t('records.exportBundle')}
              </a>
            ))}
          <a href={`/api/records/${envelopeId}/package`} data-testid="export-package" download>
            {t('records.exportPackage')}
          </a>
          <a href={`/api/records/${envelopeId}/report`} data-testid="export-court-report" download>
            {t('records.exportCourtReport')}
          </a>
        </div>
      </section>
      <AuditTrail scope={{ envelopeId }} />
    </>
  );
}
