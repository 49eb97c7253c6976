import { useEffect, useState } from 'react';
import type { TEvidenceLevel } from '../api/device-schemas';
import { CameraCapture } from '../components/camera-capture';
import { useLocale } from '../i18n/locale-context';
import { MESSAGES } from '../i18n/messages';
import { SkipStep } from './skip-step';

/** A photo of the signer's face (never the only identity check: the ID card step or staff confirm identity). */
export function FacePhotoScreen({
  level,
  onTaken,
  onSkip,
}: {
  level: TEvidenceLevel;
  onTaken: (base64: string) => void;
  onSkip: (reason: string) => void;
}) {
  const { t } = useLocale();
  const [photo, setPhoto] = useState<{ url: string; base64: string } | null>(null);
  useEffect(() => () => (photo ? URL.revokeObjectURL(photo.url) : undefined), [photo]);
  return (
    <section className="step" data-testid="step-face">
      <h1>{t('faceTitle')}</h1>
      {photo ? (
        <>
          <img src={photo.url} alt="" className="face-photo" />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setPhoto(null)}>
              {t('retake')}
            </button>
            <button type="button" className="primary" onClick={() => onTaken(photo.base64)}>
              {t('usePhoto')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t('faceHint')}</p>
          <CameraCapture
            facingMode="user"
            guide="face"
            onCaptured={(p) => setPhoto({ url: p.url, base64: p.base64 })}
            onUnavailable={() => level !== 'required' && onSkip(MESSAGES.skipCamera.zh)}
          />
        </>
      )}
      {level === 'optional' && <SkipStep reasons={['skipCamera', 'skipDeclined']} onSkip={onSkip} />}
    </section>
  );
}
