'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/messages';
import { errorText } from '../error-text';
import { useT, useTRPC } from '../providers';

type ItemId = 'face-photo' | 'id-card' | 'fingerprint' | 'id-card-ocr';
const LABELS: Record<ItemId, MessageKey> = {
  'face-photo': 'records.facePhoto',
  'id-card': 'records.idCard',
  fingerprint: 'records.fingerprint',
  'id-card-ocr': 'records.ocr',
};

/** Photos, ID card and fingerprint stay hidden until a records user gives a reason; each opening is audited. */
export function DecryptPanel(props: {
  envelopeId: string;
  bundleId: string | null;
  captured: { facePhoto: boolean; idCard: boolean; fingerprint: boolean };
}) {
  const trpc = useTRPC();
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState<Partial<Record<ItemId, { mediaType: string; base64: string }>>>({});
  const [error, setError] = useState<string | null>(null);
  const decrypt = useMutation(
    trpc.records.decryptEvidenceItem.mutationOptions({
      onSuccess: (r) => {
        setOpened((o) => ({ ...o, [r.itemId]: r }));
        setError(null);
        void queryClient.invalidateQueries({ queryKey: trpc.records.listAuditTrail.queryKey() });
      },
      onError: (e) => setError(errorText(e, lang)),
    }),
  );
  const available: ItemId[] = [
    ...(props.captured.facePhoto ? (['face-photo'] as const) : []),
    ...(props.captured.idCard ? (['id-card', 'id-card-ocr'] as const) : []),
    ...(props.captured.fingerprint ? (['fingerprint'] as const) : []),
  ];
  if (!props.bundleId || available.length === 0) return <p className="muted">{t('records.notCaptured')}</p>;
  return (
    <div className="decrypt-panel" data-testid="decrypt-panel">
      <label>
        {t('records.reason')}
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="decrypt-reason"
          maxLength={300}
        />
      </label>
      <div className="row">
        {available.map((id) => (
          <button
            key={id}
            type="button"
            disabled={reason.trim().length < 4 || decrypt.isPending}
            data-testid={`decrypt-${id}`}
            onClick={() =>
              decrypt.mutate({ envelopeId: props.envelopeId, bundleId: props.bundleId!, itemId: id, reason })
            }
          >
            {t('records.decrypt')}: {t(LABELS[id])}
          </button>
        ))}
      </div>
      {error && <div className="alert">{error}</div>}
      <div className="row">
        {Object.entries(opened).map(([id, item]) =>
          item.mediaType.startsWith('image/') ? (
            // biome-ignore lint/performance/noImgElement: decrypted bytes as a data URL, never a cached file
            <img
              key={id}
              alt={t(LABELS[id as ItemId])}
              data-testid={`decrypted-${id}`}
              src={`data:${item.mediaType};base64,${item.base64}`}
              className="decrypted"
            />
          ) : (
            <pre key={id} data-testid={`decrypted-${id}`}>
              {new TextDecoder().decode(Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0)))}
            </pre>
          ),
        )}
      </div>
    </div>
  );
}
