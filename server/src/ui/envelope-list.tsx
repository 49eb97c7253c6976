'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MessageKey } from '../i18n/messages';
import { errorText } from './error-text';
import { useT, useTRPC } from './providers';
import { useLiveStatus } from './use-live-status';

export function EnvelopeList({ patientId }: { patientId?: string }) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const live = useLiveStatus();
  const [error, setError] = useState<string | null>(null);
  const list = useQuery(trpc.envelopes.listEnvelopes.queryOptions(patientId ? { patientId } : {}));
  const me = useQuery(trpc.auth.getMe.queryOptions());
  const roles: string[] = me.data?.roles ?? [];
  // Doctor and witness slots are signed here, in the console (the signed-in session is the signer's identity).
  const maySign = (role: string) =>
    role === 'doctor'
      ? roles.includes('doctor')
      : role === 'witness' && (roles.includes('doctor') || roles.includes('nurse'));
  const onDone = {
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (e: unknown) => setError(errorText(e, lang)),
  };
  const cancel = useMutation(trpc.envelopes.cancelEnvelope.mutationOptions(onDone));
  const resend = useMutation(trpc.envelopes.resendEnvelope.mutationOptions(onDone));
  return (
    <section className="card">
      <h3>
        {t('nav.envelopes')}{' '}
        <span className="muted" data-testid="live-indicator">
          {live ? '● live' : '○'}
        </span>
      </h3>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {list.data?.length === 0 && <p className="muted">{t('envelope.none')}</p>}
      {!!list.data?.length && (
        <table>
          <thead>
            <tr>
              <th>{t('envelope.created')}</th>
              {!patientId && <th>{t('patient.name')}</th>}
              <th>{t('envelope.documents')}</th>
              <th>{t('launch.signers')}</th>
              <th>{t('envelope.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((e) => (
              <tr key={e.id} data-testid={`envelope-${e.id}`}>
                <td>{new Date(e.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                {!patientId && <td>{e.patientName}</td>}
                <td>
                  {e.documents.map((d) => (
                    <div key={d.id}>
                      <a
                        href={`/api/console/documents/${d.id}`}
                        data-testid="document-download"
                        data-signed={d.signedSha256 ? 'yes' : 'no'}
                      >
                        {d.title}
                      </a>
                      {d.signedSha256 ? ' ✔' : ''}
                    </div>
                  ))}
                  {e.bundles.map((b) => (
                    <div key={b.id}>
                      <a href={`/api/console/bundles/${b.id}`} data-testid="bundle-download">
                        {t('envelope.bundle')}
                      </a>
                    </div>
                  ))}
                </td>
                <td>
                  {e.signers.map((s) => (
                    <div key={s.id} data-testid="signer-progress" data-status={s.status}>
                      {s.name}（{t(`role.${s.role}` as MessageKey)}）· {t(`signer.${s.status}` as MessageKey)}
                      {['sent', 'opened', 'signing'].includes(e.status) &&
                        s.status !== 'signed' &&
                        s.status !== 'declined' &&
                        maySign(s.role) && (
                          <>
                            {' '}
                            <a href={`/console/sign/${e.id}`} data-testid="staff-sign-link">
                              {t('sign.action')}
                            </a>
                          </>
                        )}
                    </div>
                  ))}
                </td>
                <td>
                  <span className={`status status-${e.status}`} data-testid="envelope-status" data-status={e.status}>
                    {t(`status.${e.status}` as MessageKey)}
                  </span>
                </td>
                <td>
                  {['sent', 'opened', 'signing'].includes(e.status) && (
                    <span className="row">
                      <button type="button" className="secondary" onClick={() => resend.mutate({ envelopeId: e.id })}>
                        {t('envelope.resend')}
                      </button>
                      <button type="button" className="danger" onClick={() => cancel.mutate({ envelopeId: e.id })}>
                        {t('envelope.cancel')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
