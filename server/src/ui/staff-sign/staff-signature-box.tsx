'use client';

import { checkSignatureValidity, type TInkDocument } from '@inkproof/ink';
import { type PadCapabilities, PadSession, PointerRecorder, WacomStuDriver } from '@inkproof/ink-capture';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../providers';

/**
 * One staff signature, on the screen (pen, touch or mouse through the evidence-grade pointer recorder: every
 * coalesced sample with its own timestamp, pressure and tilt) or on a WebHID signature pad at the desk. The ink
 * validity check explains a rejected attempt.
 */
export function StaffSignatureBox({
  label,
  testId,
  onSigned,
  onRejected,
  onPad,
}: {
  label: string;
  testId: string;
  onSigned: (ink: TInkDocument) => void;
  onRejected: (codes: string[]) => void;
  /** The pad's facts, once a pad is in use (device facts of the submission). */
  onPad?: (caps: PadCapabilities) => void;
}) {
  const { t } = useT();
  const surface = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const recorder = useRef<PointerRecorder | undefined>(undefined);
  const pad = useRef<PadSession | undefined>(undefined);
  const [mode, setMode] = useState<'screen' | 'pad'>('screen');
  const [samples, setSamples] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [padStatus, setPadStatus] = useState<string | null>(null);

  useEffect(() => {
    if (mode !== 'screen' || !surface.current || !canvas.current) return;
    const r = new PointerRecorder(surface.current, { canvas: canvas.current, color: '#0b1f4b', widthPx: 3 });
    recorder.current = r;
    const off = r.session.onChange(() => setSamples(r.session.sampleCount()));
    return () => {
      off();
      r.dispose();
      recorder.current = undefined;
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

  const confirm = () => {
    const ink = mode === 'pad' ? pad.current?.toDocument() : recorder.current?.toDocument();
    if (!ink) return;
    const validity = checkSignatureValidity(ink);
    if (!validity.isValid) {
      setProblem(validity.reasons.map((r) => r.message).join('\n'));
      onRejected(validity.reasons.map((r) => r.code));
      return;
    }
    setProblem(null);
    onSigned(ink);
  };
  const confirmRef = useRef(confirm);
  confirmRef.current = confirm;

  const clear = () => {
    if (mode === 'pad') pad.current?.clear();
    else recorder.current?.clear();
    setSamples(0);
  };

  // WebHID needs a user gesture: the pad is chosen from this button's click.
  const connectPad = async () => {
    try {
      setPadStatus(null);
      const driver = new WacomStuDriver();
      const caps = await driver.connect();
      setMode('pad');
      if (!canvas.current) return;
      setSamples(0);
      pad.current = await PadSession.start(driver, caps, canvas.current, {
        onSample: () => setSamples((n) => n + 1),
        onAction: (action) => {
          if (action === 'ok') confirmRef.current();
          else if (action === 'cancel') pad.current?.clear();
        },
      });
      onPad?.(caps);
      setPadStatus(`${caps.model} · ${t('sign.padConnected')}`);
    } catch (error) {
      setPadStatus(`${t('sign.padFailed')}: ${(error as Error).message}`);
    }
  };
  const hasHid = typeof navigator !== 'undefined' && 'hid' in navigator;

  return (
    <div className="staff-signature">
      <div className="muted">{label}</div>
      <div className="staff-signature-box" ref={surface} data-testid={testId} data-mode={mode} data-samples={samples}>
        {!samples && <span className="staff-signature-hint">{t('sign.here')}</span>}
        <canvas ref={canvas} className="staff-signature-canvas" />
      </div>
      {problem && (
        <div className="alert" role="alert" data-testid="staff-signature-problem">
          {problem}
        </div>
      )}
      {padStatus && (
        <div className="muted" data-testid={`${testId}-pad-status`}>
          {padStatus}
        </div>
      )}
      <div className="row">
        {mode === 'screen' && (
          <button type="button" className="secondary" onClick={() => recorder.current?.undo()}>
            {t('sign.undo')}
          </button>
        )}
        <button type="button" className="secondary" onClick={clear}>
          {t('sign.clear')}
        </button>
        {hasHid && mode === 'screen' && (
          <button
            type="button"
            className="secondary"
            data-testid={`${testId}-use-pad`}
            onClick={() => void connectPad()}
          >
            {t('sign.usePad')}
          </button>
        )}
        <button type="button" onClick={confirm} data-testid={`${testId}-confirm`}>
          {t('sign.confirm')}
        </button>
      </div>
    </div>
  );
}
