import { useEffect, useState } from 'react';
import type { DeviceApi } from '../api/device-api';
import type { TEvidenceLevel, TIdCardOcr } from '../api/device-schemas';
import { CameraCapture } from '../components/camera-capture';
import { useLocale } from '../i18n/locale-context';
import { MESSAGES } from '../i18n/messages';
import { SkipStep } from './skip-step';

interface Props {
  api: DeviceApi;
  envelopeId: string;
  level: TEvidenceLevel;
  isPatient: boolean;
  onConfirmed: (imageJpegBase64: string, ocr: TIdCardOcr) => void;
  onSkip: (reason: string) => void;
}

const SEX_LABELS: Record<string, string> = {
  male: '男 / Male',
  female: '女 / Female',
  男: '男 / Male',
  女: '女 / Female',
};

type Phase =
  | { kind: 'camera' }
  | { kind: 'reading'; url: string }
  | { kind: 'result'; url: string; base64: string; ocr: TIdCardOcr }
  | { kind: 'error'; url: string; base64: string; message: string };

/** Identity: photograph the ID card, OCR on the server, show the fields for the signer to confirm. */
export function IdCardScreen({ api, envelopeId, level, isPatient, onConfirmed, onSkip }: Props) {
  const { t } = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'camera' });

  useEffect(
    () => () => {
      if (phase.kind !== 'camera') URL.revokeObjectURL(phase.url);
    },
    [phase],
  );

  const onCaptured = async (photo: { blob: Blob; base64: string; url: string }) => {
    setPhase({ kind: 'reading', url: photo.url });
    try {
      const ocr = await api.ocrIdCard(photo.blob, envelopeId);
      setPhase({ kind: 'result', url: photo.url, base64: photo.base64, ocr });
    } catch (error) {
      setPhase({ kind: 'error', url: photo.url, base64: photo.base64, message: (error as Error).message });
    }
  };

  const fields: [string, string | null | undefined][] =
    phase.kind === 'result'
      ? [
          ['姓名 Name', phase.ocr.name],
          ['性别 Sex', SEX_LABELS[phase.ocr.sex ?? ''] ?? phase.ocr.sex],
          ['民族 Ethnicity', phase.ocr.ethnicity],
          ['出生 Born', phase.ocr.birthDate],
          ['住址 Address', phase.ocr.address],
          ['公民身份号码 ID number', phase.ocr.idNumberMasked],
        ]
      : [];
  const mismatch = phase.kind === 'result' && isPatient && phase.ocr.matchesPatient === false;
  const canConfirm = phase.kind === 'result' && phase.ocr.idNumberValid && !mismatch;

  return (
    <section className="step" data-testid="step-idcard">
      <h1>{t('idCardTitle')}</h1>
      {phase.kind === 'camera' ? (
        <>
          <p className="muted">{t('idCardHint')}</p>
          <CameraCapture
            facingMode="environment"
            guide="card"
            onCaptured={(p) => void onCaptured(p)}
            onUnavailable={() => level !== 'required' && onSkip(MESSAGES.skipCamera.zh)}
          />
        </>
      ) : (
        <div className="idcard-result">
          <img src={phase.url} alt="" className="idcard-photo" />
          {phase.kind === 'reading' && <p className="big">{t('recognising')}</p>}
          {phase.kind === 'error' && (
            <div className="alert" role="alert" data-testid="ocr-error">
              {phase.message}
            </div>
          )}
          {phase.kind === 'result' && (
            <>
              <h2>{t('confirmFields')}</h2>
              <dl className="fields" data-testid="idcard-fields">
                {fields.map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v || '—'}</dd>
                  </div>
                ))}
              </dl>
              {!phase.ocr.idNumberValid && <div className="alert">{t('idInvalid')}</div>}
              {isPatient && phase.ocr.matchesPatient === true && <div className="ok">{t('idMatches')}</div>}
              {mismatch && <div className="alert">{t('idMismatch')}</div>}
            </>
          )}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setPhase({ kind: 'camera' })}>
              {t('retake')}
            </button>
            {(phase.kind === 'error' || (phase.kind === 'result' && !canConfirm)) && (
              // Recognition unavailable: keep the photo for the staff to check by eye; nothing is claimed as read.
              <button
                type="button"
                className="primary"
                onClick={() =>
                  onConfirmed(
                    phase.base64,
                    phase.kind === 'result'
                      ? { ...phase.ocr, recognition: 'rejected-by-signer' }
                      : { idNumberValid: false, matchesPatient: null, confidence: {}, recognition: 'unavailable' },
                  )
                }
              >
                {t('continueManual')}
              </button>
            )}
            {phase.kind === 'result' && (
              <button
                type="button"
                className="primary"
                disabled={!canConfirm}
                onClick={() => onConfirmed(phase.base64, phase.ocr)}
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
