import { useEffect, useRef, useState } from 'react';
import type { DeviceApi } from '../api/device-api';
import type { TEvidenceLevel, TIdCardOcr } from '../api/device-schemas';
import { CameraCapture } from '../components/camera-capture';
import type { TimelineEntry } from '../flow/flow-types';
import { useLocale } from '../i18n/locale-context';
import { MESSAGES } from '../i18n/messages';
import { nowIso } from '../lib/now-iso';
import { type LocalReading, localReadingToOcr, type ServerReading, viewIdCardReading } from '../ocr/id-card-reading';
import { useLocalIdCardReader } from '../ocr/use-local-id-card-reader';
import { SkipStep } from './skip-step';

interface Props {
  api: DeviceApi;
  envelopeId: string;
  level: TEvidenceLevel;
  isPatient: boolean;
  onConfirmed: (imageJpegBase64: string, ocr: TIdCardOcr) => void;
  onSkip: (reason: string) => void;
  onTimeline: (entry: TimelineEntry) => void;
}

const SEX_LABELS: Record<string, string> = {
  male: '男 / Male',
  female: '女 / Female',
  男: '男 / Male',
  女: '女 / Female',
};

type Phase =
  | { kind: 'camera' }
  | { kind: 'photo'; url: string; base64: string; server: ServerReading; local: LocalReading };

/**
 * Identity: photograph the ID card; the server reads it (authoritative, and the only patient match) while the
 * device reads it too, so the fields appear at once, marked preliminary. Offline or when the server fails, the
 * device's reading can be confirmed (recorded as `source: 'device'`).
 */
export function IdCardScreen({ api, envelopeId, level, isPatient, onConfirmed, onSkip, onTimeline }: Props) {
  const { t } = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'camera' });
  const local = useLocalIdCardReader();
  /** Which photo the readings in flight belong to: a retake makes earlier answers stale. */
  const photoSeq = useRef(0);

  useEffect(
    () => () => {
      if (phase.kind !== 'camera') URL.revokeObjectURL(phase.url);
    },
    [phase],
  );

  const update = (seq: number, change: (p: Extract<Phase, { kind: 'photo' }>) => Phase) =>
    setPhase((p) => (seq === photoSeq.current && p.kind === 'photo' ? change(p) : p));

  const onCaptured = (photo: { blob: Blob; base64: string; url: string }) => {
    const seq = ++photoSeq.current;
    setPhase({
      kind: 'photo',
      url: photo.url,
      base64: photo.base64,
      server: { state: 'pending' },
      local: { state: 'pending' },
    });
    const startedAt = performance.now();
    local.read(photo.blob).then(
      (reading) => {
        // The timeline says that and how the device read the card, never what it read.
        onTimeline({
          at: nowIso(),
          type: 'identity.idcard.local-reading',
          detail: {
            idNumberValid: reading.idNumberValid,
            ms: Math.round(performance.now() - startedAt),
            warnings: [...reading.warnings],
          },
        });
        update(seq, (p) => ({ ...p, local: { state: 'done', ocr: localReadingToOcr(reading) } }));
      },
      () => update(seq, (p) => ({ ...p, local: { state: 'failed' } })),
    );
    api.ocrIdCard(photo.blob, envelopeId).then(
      (ocr) => update(seq, (p) => ({ ...p, server: { state: 'done', ocr } })),
      (error: unknown) =>
        update(seq, (p) => ({ ...p, server: { state: 'failed', message: (error as Error).message } })),
    );
  };

  const view = phase.kind === 'photo' ? viewIdCardReading(phase.server, phase.local, isPatient) : undefined;
  const shown = view?.shown;
  const fields: [string, string | null | undefined][] = !shown
    ? []
    : shown.source === 'device'
      ? [
          ['姓名 Name', shown.ocr.name],
          ['公民身份号码 ID number', shown.ocr.idNumberMasked],
        ]
      : [
          ['姓名 Name', shown.ocr.name],
          ['性别 Sex', SEX_LABELS[shown.ocr.sex ?? ''] ?? shown.ocr.sex],
          ['民族 Ethnicity', shown.ocr.ethnicity],
          ['出生 Born', shown.ocr.birthDate],
          ['住址 Address', shown.ocr.address],
          ['公民身份号码 ID number', shown.ocr.idNumberMasked],
        ];

  return (
    <section className="step" data-testid="step-idcard" data-local-ocr={local.status}>
      <h1>{t('idCardTitle')}</h1>
      {phase.kind === 'camera' ? (
        <>
          <p className="muted">{t('idCardHint')}</p>
          <CameraCapture
            facingMode="environment"
            guide="card"
            onCaptured={onCaptured}
            onUnavailable={() => level !== 'required' && onSkip(MESSAGES.skipCamera.zh)}
          />
        </>
      ) : (
        <div className="idcard-result">
          <img src={phase.url} alt="" className="idcard-photo" />
          {view?.isReading && !shown && <p className="big">{t('recognising')}</p>}
          {view?.serverError && !view.canConfirm && (
            <div className="alert" role="alert" data-testid="ocr-error">
              {view.serverError}
            </div>
          )}
          {shown && view && (
            <>
              <h2>{t('confirmFields')}</h2>
              {shown.isPreliminary && (
                <p className="notice" data-testid="idcard-preliminary">
                  {t('idPreliminary')}
                </p>
              )}
              {shown.source === 'device' && !shown.isPreliminary && (
                <p className="notice" data-testid="idcard-local-only">
                  {t('idLocalOnly')}
                </p>
              )}
              <dl className="fields" data-testid="idcard-fields" data-source={shown.source}>
                {fields.map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v || '—'}</dd>
                  </div>
                ))}
              </dl>
              {!shown.isPreliminary && !shown.ocr.idNumberValid && <div className="alert">{t('idInvalid')}</div>}
              {isPatient && shown.source === 'server' && shown.ocr.matchesPatient === true && (
                <div className="ok">{t('idMatches')}</div>
              )}
              {view.isMismatch && <div className="alert">{t('idMismatch')}</div>}
            </>
          )}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setPhase({ kind: 'camera' })}>
              {t('retake')}
            </button>
            {view?.canContinueManually && (
              // Recognition unavailable: keep the photo for the staff to check by eye; nothing is claimed as read.
              <button
                type="button"
                className="primary"
                onClick={() =>
                  onConfirmed(
                    phase.base64,
                    shown
                      ? { ...shown.ocr, recognition: 'rejected-by-signer' }
                      : { idNumberValid: false, matchesPatient: null, confidence: {}, recognition: 'unavailable' },
                  )
                }
              >
                {t('continueManual')}
              </button>
            )}
            {shown && (
              <button
                type="button"
                className="primary"
                disabled={!view?.canConfirm}
                onClick={() => onConfirmed(phase.base64, shown.ocr)}
              >
                {t('confirmIdCard')}
              </button>
            )}
          </div>
        </div>
      )}
      {level === 'optional' && <SkipStep reasons={['skipNoCard', 'skipCamera', 'skipDeclined']} onSkip={onSkip} />}
    </section>
  );
}
