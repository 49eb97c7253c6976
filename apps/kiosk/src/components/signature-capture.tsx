import { checkSignatureValidity, type TInkDocument } from '@inkproof/ink';
import { type PadCapabilities, PadSession, PointerRecorder, WacomStuDriver } from '@inkproof/ink-capture';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/locale-context';

interface Props {
  /** Shown above the box: what this signature means (e.g. 患者本人签名). */
  label: string;
  /** Phrase to copy by hand, shown faintly inside the box. */
  guide?: string;
  onSigned: (ink: TInkDocument) => void;
  /** Rejected attempts go into the evidence timeline. */
  onRejected: (codes: string[]) => void;
  /** Pad model once a pad is in use (device facts of the submission). */
  onPad?: (caps: PadCapabilities) => void;
  testId?: string;
}

/**
 * One signature: on the screen (pen/touch/mouse through the evidence-grade pointer recorder) or on a WebHID
 * pad. The ink validity check explains a rejected attempt and the signer simply tries again.
 */
export function SignatureCapture({ label, guide, onSigned, onRejected, onPad, testId = 'sign-surface' }: Props) {
  const { t } = useLocale();
  const surface = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pointer = useRef<PointerRecorder | undefined>(undefined);
  const pad = useRef<PadSession | undefined>(undefined);
  const [mode, setMode] = useState<'screen' | 'pad'>('screen');
  const [problem, setProblem] = useState<string | null>(null);
  const [padStatus, setPadStatus] = useState<string | null>(null);
  const [strokes, setStrokes] = useState(0);

  useEffect(() => {
    if (mode !== 'screen' || !surface.current || !canvas.current) return;
    const recorder = new PointerRecorder(surface.current, { canvas: canvas.current, color: '#0b1f4b', widthPx: 3 });
    pointer.current = recorder;
    const off = recorder.session.onChange(() => setStrokes(recorder.session.sampleCount()));
    return () => {
      off();
      recorder.dispose();
      pointer.current = undefined;
    };
  }, [mode]);

  useEffect(
    () => () => {
      const session = pad.current;
      pad.current = undefined;
      void session?.dispose();
    },
    [],
  );

  const current = (): TInkDocument | undefined =>
    mode === 'pad' ? pad.current?.toDocument() : pointer.current?.toDocument();

  const clear = useCallback(() => {
    if (mode === 'pad' && pad.current) pad.current.clear();
    else pointer.current?.clear();
    setStrokes(0);
  }, [mode]);

  const confirm = useCallback(() => {
    const doc = mode === 'pad' ? pad.current?.toDocument() : pointer.current?.toDocument();
    if (!doc) return;
    const validity = checkSignatureValidity(doc);
    if (!validity.isValid) {
      setProblem(validity.reasons.map((r) => r.message).join('\n'));
      onRejected(validity.reasons.map((r) => r.code));
      return;
    }
    setProblem(null);
    onSigned(doc);
  }, [mode, onSigned, onRejected]);

  const confirmRef = useRef(confirm);
  confirmRef.current = confirm;
  const clearRef = useRef(clear);
  clearRef.current = clear;

  // WebHID needs a user gesture: connect from the button's click handler.
  const connectPad = async () => {
    try {
      setPadStatus(null);
      const driver = new WacomStuDriver();
      const caps = await driver.connect();
      setMode('pad');
      const target = canvas.current;
      if (!target) return;
      pad.current = await PadSession.start(driver, caps, target, {
        onSample: () => setStrokes((n) => n + 1),
        onAction: (action) => {
          if (action === 'ok') confirmRef.current();
          else if (action === 'cancel') clearRef.current();
        },
      });
      onPad?.(caps);
      setPadStatus(`${caps.model} · ${t('padConnected')}`);
    } catch (error) {
      setPadStatus(`${t('padFailed')}: ${(error as Error).message}`);
    }
  };

  const hasHid = typeof navigator !== 'undefined' && 'hid' in navigator;
  return (
    <div className="signature">
      <div className="signature-label">{label}</div>
      <div
        className={`signature-box ${mode}`}
        ref={surface}
        data-testid={testId}
        data-mode={mode}
        data-samples={strokes}
        data-has-ink={current() ? 'yes' : 'no'}
      >
        {guide && <div className="signature-guide">{guide}</div>}
        {!strokes && !guide && <div className="signature-hint">{t('signHere')}</div>}
        <canvas ref={canvas} className="signature-canvas" />
      </div>
      {problem && (
        <div className="alert" role="alert" data-testid="signature-problem">
          {problem}
        </div>
      )}
      {padStatus && (
        <div className="muted" data-testid="pad-status">
          {padStatus}
        </div>
      )}
      <div className="actions">
        {mode === 'screen' && (
          <button type="button" className="secondary" onClick={() => pointer.current?.undo()}>
            {t('undo')}
          </button>
        )}
        <button type="button" className="secondary" onClick={clear}>
          {t('clear')}
        </button>
        {hasHid && mode === 'screen' && (
          <button type="button" className="secondary" onClick={() => void connectPad()}>
            {t('usePad')}
          </button>
        )}
        <button type="button" className="primary" onClick={confirm}>
          {t('confirmSignature')}
        </button>
      </div>
    </div>
  );
}
