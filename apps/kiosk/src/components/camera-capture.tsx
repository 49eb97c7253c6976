import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/locale-context';
import { captureFrame } from '../lib/jpeg';

interface Props {
  facingMode: 'user' | 'environment';
  /** Card-shaped guide frame (ID card) or an oval (face). */
  guide: 'card' | 'face';
  onCaptured: (photo: { blob: Blob; base64: string; url: string }) => void;
  onUnavailable: () => void;
}

/**
 * Live camera preview with a capture button (getUserMedia). The stream is stopped as soon as the component
 * goes away, so the camera light never stays on after the step.
 */
export function CameraCapture({ facingMode, guide, onCaptured, onUnavailable }: Props) {
  const { t } = useLocale();
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let cancelled = false;
    if (!navigator.mediaDevices?.getUserMedia) {
      setFailed(true);
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode, width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (cancelled || !video.current) return;
        video.current.srcObject = s;
        await video.current.play().catch(() => undefined);
        setReady(true);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [facingMode]);

  const take = async () => {
    if (!video.current) return;
    const photo = await captureFrame(video.current);
    onCaptured({ ...photo, url: URL.createObjectURL(photo.blob) });
  };

  if (failed)
    return (
      <div className="alert" data-testid="camera-unavailable">
        {t('cameraUnavailable')}
        <p>
          <button type="button" className="secondary" onClick={onUnavailable}>
            {t('skip')}
          </button>
        </p>
      </div>
    );
  return (
    <div className="camera">
      <div className={`camera-frame ${guide}`}>
        <video ref={video} muted playsInline data-testid="camera-preview" />
        <div className="camera-guide" />
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => void take()}>
          {t('capture')}
        </button>
      </div>
    </div>
  );
}
