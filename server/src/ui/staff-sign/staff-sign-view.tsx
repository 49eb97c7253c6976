'use client';

import type { TInkDocument } from '@inkproof/ink';
import type { PadCapabilities } from '@inkproof/ink-capture';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/messages';
import { errorText } from '../error-text';
import { readCsrfCookie, useT, useTRPC } from '../providers';
import { PdfViewer } from '../records/pdf-viewer';
import { StaffSignatureBox } from './staff-signature-box';

const STAFF_SUBMISSION_FORMAT = 'application/vnd.inkproof.staff-submission.v1+json';

interface Captured {
  documentId: string;
  fieldName: string;
  signedAt: string;
  ink: TInkDocument;
}

const nowIso = () => new Date().toISOString();

/**
 * A doctor or nurse signs their slot of a signing request (告知医师, 见证人) in the console: the documents as they
 * stand (with any signatures already made), the notice about dynamic handwriting, one signature per field, submit.
 * The signed-in session is the signer's identity; the server seals the signature like a bedside one.
 */
export function StaffSignView({ envelopeId }: { envelopeId: string }) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const task = useQuery(trpc.signing.getStaffSigning.queryOptions({ envelopeId }));
  const [consent, setConsent] = useState<{ accepted: boolean; at: string } | null>(null);
  const [captured, setCaptured] = useState<Record<string, Captured>>({});
  const [state, setState] = useState<'signing' | 'sending' | 'sent'>('signing');
  const [error, setError] = useState<string | null>(null);
  const timeline = useRef<{ at: string; type: string; detail?: Record<string, unknown> }[]>([
    { at: nowIso(), type: 'staff-signing.opened', detail: { envelopeId } },
  ]);
  // The body as first sent: a resend after a lost answer is the same bytes under the same key, so the server answers
  // with the stored submission instead of refusing different content. Cleared when the server refused it (4xx).
  const pending = useRef<string | null>(null);
  const pad = useRef<PadCapabilities | undefined>(undefined);

  if (state === 'sent')
    return (
      <section className="card" data-testid="staff-sign">
        <div className="notice" role="status" data-testid="staff-sign-submitted">
          {t('sign.submitted')} · <a href="/console/envelopes">{t('sign.back')}</a>
        </div>
      </section>
    );
  if (task.error) return <div className="alert">{errorText(task.error, lang)}</div>;
  if (!task.data) return <p className="muted">…</p>;
  const data = task.data;
  const slot = data.slots.find((s) => s.maySign);
  const fields = slot ? slot.documents.flatMap((d) => d.fields.map((f) => ({ doc: d, field: f }))) : [];
  const complete = fields.length > 0 && fields.every(({ doc, field }) => captured[`${doc.id}/${field.name}`]);

  const submit = async () => {
    if (!slot || !consent) return;
    setState('sending');
    setError(null);
    if (!pending.current) {
      timeline.current.push({ at: nowIso(), type: 'staff-signing.submitted', detail: { envelopeId } });
      pending.current = JSON.stringify(bodyOf(slot.signerId, consent));
    }
    try {
      const res = await fetch('/api/console/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': readCsrfCookie() },
        body: pending.current,
      });
      if (!res.ok) {
        const problem = (await res.json().catch(() => ({}))) as {
          title?: string;
          errors?: { pointer?: string; detail?: string }[];
        };
        // Refused: nothing was stored, the next attempt is a new submission. A server error may have stored it.
        if (res.status < 500) pending.current = null;
        const details = (problem.errors ?? []).map((e) => `${e.pointer ?? ''} ${e.detail ?? ''}`.trim());
        throw new Error([problem.title ?? `HTTP ${res.status}`, ...details].join('\n'));
      }
      setState('sent');
      // The envelope list (not this page's task, which may already be closed) shows the new state.
      await queryClient.invalidateQueries({ queryKey: trpc.envelopes.listEnvelopes.queryKey() });
    } catch (e) {
      setState('signing');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const bodyOf = (signerId: string, biometricConsent: { accepted: boolean; at: string }) => ({
    format: STAFF_SUBMISSION_FORMAT,
    idempotencyKey: crypto.randomUUID(),
    envelopeId,
    signerId,
    biometricConsent,
    signatures: Object.values(captured),
    timeline: timeline.current,
    device: {
      userAgent: navigator.userAgent,
      screen: { width: screen.width, height: screen.height, dpr: devicePixelRatio || 1 },
      ...(pad.current
        ? {
            pad: {
              model: pad.current.model,
              capabilities: { ...pad.current, imageEncodings: [...pad.current.imageEncodings] },
            },
          }
        : {}),
    },
  });

  return (
    <section className="card" data-testid="staff-sign">
      <h2>{t('sign.title')}</h2>
      <p>
        {data.patient.name} · {data.patient.mrn} · {data.patient.ward ?? ''} {data.patient.bed ?? ''}
      </p>
      <p data-testid="signing-as">
        {t('sign.as')}：{data.signingAs.displayName}
      </p>
      <ul>
        {data.signers.map((s) => (
          <li key={s.id} data-testid="staff-sign-signer" data-status={s.status}>
            {s.name}（{t(`role.${s.role}` as MessageKey)}）· {t(`signer.${s.status}` as MessageKey)}
          </li>
        ))}
      </ul>
      {!slot ? (
        <p className="muted" data-testid="staff-sign-nothing">
          {data.slots.length ? t('sign.notAllowed') : t('sign.nothing')}
        </p>
      ) : (
        <>
          <p>
            {t('sign.slot')}：{slot.name}（{t(`role.${slot.role}` as MessageKey)}）
          </p>
          <div className="card" data-testid="staff-sign-notice">
            <p>{t('sign.notice')}</p>
            <div className="row">
              <button
                type="button"
                data-testid="staff-sign-consent"
                className={consent?.accepted ? '' : 'secondary'}
                onClick={() => setConsent({ accepted: true, at: nowIso() })}
              >
                {t('sign.noticeAccept')}
              </button>
              <button
                type="button"
                className={consent && !consent.accepted ? '' : 'secondary'}
                onClick={() => setConsent({ accepted: false, at: nowIso() })}
              >
                {t('sign.noticeRefuse')}
              </button>
            </div>
          </div>
          {slot.documents.map((doc) => (
            <article key={doc.id} className="card" data-testid="staff-sign-document">
              <h3>{doc.title}</h3>
              <PdfViewer url={`/api/console/documents/${doc.id}`} testId={`staff-sign-pdf-${doc.id}`} />
              {doc.fields.map((field) => {
                const key = `${doc.id}/${field.name}`;
                const done = captured[key];
                if (done)
                  return (
                    <div key={key} className="row" data-testid="staff-sign-field-done">
                      ✔ {field.meaning[lang]} · {t('sign.done')}
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => {
                          const { [key]: _, ...rest } = captured;
                          pending.current = null;
                          setCaptured(rest);
                        }}
                      >
                        {t('sign.again')}
                      </button>
                    </div>
                  );
                if (!consent)
                  return (
                    <p key={key} className="muted">
                      {t('sign.consentFirst')}
                    </p>
                  );
                return (
                  <StaffSignatureBox
                    key={key}
                    label={field.meaning[lang]}
                    testId={`staff-sign-box-${field.name}`}
                    onSigned={(ink) => {
                      const at = nowIso();
                      timeline.current.push({ at, type: 'signature.captured', detail: { documentId: doc.id } });
                      pending.current = null;
                      setCaptured({
                        ...captured,
                        [key]: { documentId: doc.id, fieldName: field.name, signedAt: at, ink },
                      });
                    }}
                    onPad={(caps) => {
                      pad.current = caps;
                    }}
                    onRejected={(codes) =>
                      timeline.current.push({ at: nowIso(), type: 'signature.rejected', detail: { codes } })
                    }
                  />
                );
              })}
            </article>
          ))}
          {error && (
            <div className="alert" role="alert" data-testid="staff-sign-error">
              {error}
            </div>
          )}
          <button
            type="button"
            data-testid="staff-sign-submit"
            disabled={!complete || state === 'sending'}
            onClick={() => void submit()}
          >
            {t('sign.submit')}
          </button>
        </>
      )}
    </section>
  );
}
