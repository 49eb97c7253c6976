'use client';

import { checkSignatureValidity, type TInkDocument } from '@inkproof/ink';
import { PointerRecorder } from '@inkproof/ink-capture';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../providers';

/**
 * One staff signature on the screen (pen, touch or mouse) through the evidence-grade pointer recorder: every
 * coalesced sample with its own timestamp, pressure and tilt. The ink validity check explains a rejected attempt.
 */
export function StaffSignatureBox({
  label,
  testId,
  onSigned,
  onRejected,
}: {
  label: string;
  testId: string;
  onSigned: (ink: TInkDocument) => void;
  onRejected: (codes: string[]) => void;
}) {
  const { t } = useT();
  const surface = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const recorder = useRef<PointerRecorder | undefined>(undefined);
  const [samples, setSamples] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!surface.current || !canvas.current) return;
    const r = new PointerRecorder(surface.current, { canvas: canvas.current, color: '#0b1f4b', widthPx: 3 });
    recorder.current = r;
    const off = r.session.onChange(() => setSamples(r.session.sampleCount()));
    return () => {
      off();
      r.dispose();
      recorder.current = undefined;
    };
  }, []);

  const confirm = () => {
    const ink = recorder.current?.toDocument();
    if (!ink) {
      setProblem(t('sign.here'));
      return;
    }
    const validity = checkSignatureValidity(ink);
    if (!validity.isValid) {
      setProblem(validity.reasons.map((r) => r.message).join('\n'));
      onRejected(validity.reasons.map((r) => r.code));
      return;
    }
    setProblem(null);
    onSigned(ink);
  };

  return (
    <div className="staff-signature">
      <div className="muted">{label}</div>
      <div className="staff-signature-box" ref={surface} data-testid={testId} data-samples={samples}>
        {!samples && <span className="staff-signature-hint">{t('sign.here')}</span>}
        <canvas ref={canvas} className="staff-signature-canvas" />
      </div>
      {problem && (
        <div className="alert" role="alert" data-testid="staff-signature-problem">
          {problem}
        </div>
      )}
      <div className="row">
        <button type="button" className="secondary" onClick={() => recorder.current?.undo()}>
          {t('sign.undo')}
        </button>
        <button type="button" className="secondary" onClick={() => recorder.current?.clear()}>
          {t('sign.clear')}
        </button>
        <button type="button" onClick={confirm} data-testid={`${testId}-confirm`}>
          {t('sign.confirm')}
        </button>
      </div>
    </div>
  );
}
