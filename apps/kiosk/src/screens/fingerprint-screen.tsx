import { type FingerprintReader, isFingerprintError } from '@inkproof/ink-capture';
import { useEffect, useRef, useState } from 'react';
import type { TEvidenceLevel } from '../api/device-schemas';
import type { FingerprintRecord, TimelineEntry } from '../flow/flow-types';
import { useLocale } from '../i18n/locale-context';
import type { MessageKey } from '../i18n/messages';
import { bytesToBase64 } from '../lib/base64';
import { nowIso } from '../lib/now-iso';
import { SkipStep } from './skip-step';

/** How long the reader waits for a finger per attempt. */
const FINGER_WAIT_MS = 20_000;

const ERROR_MESSAGES: Record<string, MessageKey> = {
  NOT_CONNECTED: 'fpNotConnected',
  NOT_READY: 'fpNotReady',
  TIMEOUT: 'fpTimeout',
  BAD_IMAGE: 'fpBadImage',
  BAD_RESPONSE: 'fpBadResponse',
};

type Phase =
  | { kind: 'checking' }
  | { kind: 'ready'; model: string }
  | { kind: 'capturing' }
  | { kind: 'review'; record: FingerprintRecord }
  | { kind: 'failed'; code: string };

/**
 * The fingerprint step: instruction (read aloud with the rest of the screen), capture from the configured reader,
 * the image to confirm or capture again. A failure can be retried; an optional step can be skipped with a reason.
 * Renders nothing and never touches the reader without the signer's biometric consent (PIPL Art. 29).
 */
export function FingerprintScreen({
  reader,
  level,
  consented,
  onTaken,
  onSkip,
  onTimeline,
}: {
  reader: FingerprintReader;
  level: TEvidenceLevel;
  consented: boolean;
  onTaken: (record: FingerprintRecord) => void;
  onSkip: (reason: string) => void;
  onTimeline: (entry: TimelineEntry) => void;
}) {
  const { t } = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const inFlight = useRef<AbortController | undefined>(undefined);

  const failWith = (code: string) => {
    onTimeline({ at: nowIso(), type: 'fingerprint.failed', detail: { code } });
    setPhase({ kind: 'failed', code });
  };
  const fail = (error: unknown) => {
    const code = isFingerprintError(error) ? error.code : 'BAD_RESPONSE';
    if (code !== 'ABORTED') failWith(code);
  };

  const check = async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setPhase({ kind: 'checking' });
    try {
      const status = await reader.status({ signal: controller.signal });
      if (status.ready) setPhase({ kind: 'ready', model: status.model });
      else failWith('NOT_READY');
    } catch (error) {
      fail(error);
    }
  };

  const capture = async () => {
    if (!consented) return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setPhase({ kind: 'capturing' });
    try {
      const image = await reader.capture({ signal: controller.signal, timeoutMs: FINGER_WAIT_MS });
      const device = `${image.device.vendor ? `${image.device.vendor} ` : ''}${image.device.model} (${reader.kind})`;
      setPhase({
        kind: 'review',
        record: {
          imagePngBase64: bytesToBase64(image.png),
          device: device.slice(0, 100),
          width: image.width,
          height: image.height,
          sourceMediaType: image.sourceMediaType,
          ...(image.quality === undefined ? {} : { quality: image.quality }),
          at: nowIso(),
        },
      });
    } catch (error) {
      fail(error);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: checks the reader once when the step is shown
  useEffect(() => {
    if (consented) void check();
    return () => inFlight.current?.abort();
  }, [consented]);

  if (!consented) return null;
  return (
    <section className="step" data-testid="step-fingerprint" data-phase={phase.kind}>
      <h1>{t('fingerprintTitle')}</h1>
      {phase.kind === 'review' ? (
        <>
          <p className="big">{t('fingerprintCheck')}</p>
          <img
            src={`data:image/png;base64,${phase.record.imagePngBase64}`}
            alt={t('fingerprintTitle')}
            className="fingerprint-image"
            data-testid="fingerprint-image"
            data-width={phase.record.width}
            data-height={phase.record.height}
          />
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                onTimeline({ at: nowIso(), type: 'fingerprint.retake' });
                void capture();
              }}
            >
              {t('fingerprintRetake')}
            </button>
            <button type="button" className="primary" onClick={() => onTaken(phase.record)}>
              {t('fingerprintUse')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="big" data-testid="fingerprint-instruction">
            {phase.kind === 'capturing' ? t('fingerprintCapturing') : t('fingerprintHint')}
          </p>
          {phase.kind === 'checking' && <p className="muted">{t('fingerprintChecking')}</p>}
          {phase.kind === 'ready' && (
            <p className="muted" data-testid="fingerprint-reader">
              {t('fingerprintReady')}: {phase.model}
            </p>
          )}
          {phase.kind === 'failed' && (
            <div className="alert" role="alert" data-testid="fingerprint-error" data-code={phase.code}>
              {t(ERROR_MESSAGES[phase.code] ?? 'fpBadResponse')}
            </div>
          )}
          <div className="actions">
            {phase.kind === 'failed' && (phase.code === 'NOT_CONNECTED' || phase.code === 'NOT_READY') ? (
              <button type="button" className="primary" onClick={() => void check()}>
                {t('fingerprintTryAgain')}
              </button>
            ) : (
              <button
                type="button"
                className="primary huge"
                disabled={phase.kind !== 'ready' && phase.kind !== 'failed'}
                onClick={() => void capture()}
              >
                {phase.kind === 'failed' ? t('fingerprintTryAgain') : t('fingerprintCapture')}
              </button>
            )}
          </div>
        </>
      )}
      {level === 'optional' && phase.kind !== 'capturing' && (
        <SkipStep reasons={['skipFingerprintFailed', 'skipFingerprintDeclined']} onSkip={onSkip} />
      )}
    </section>
  );
}
