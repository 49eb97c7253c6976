'use client';

import type { TInkDocument } from '@inkproof/ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../providers';
import { inkAt, inkSpanMs, paintInk } from './replay-frame';

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/**
 * Replays a signature at its recorded pace (sample timestamps), with play/pause, a scrubber and a speed choice.
 * `data-drawn-samples` exposes how many samples are on the canvas, so a test can check the replay is complete.
 */
export function InkReplay({ ink, testId }: { ink: TInkDocument; testId: string }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const span = useMemo(() => inkSpanMs(ink), [ink]);
  const total = useMemo(() => ink.strokes.reduce((n, s) => n + s.samples.length, 0), [ink]);
  const [elapsed, setElapsed] = useState(span);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const frame = useMemo(() => inkAt(ink, elapsed), [ink, elapsed]);

  useEffect(() => {
    if (canvas.current) paintInk(canvas.current, ink, frame.doc);
  }, [ink, frame]);

  // The animation reads the position from a ref: state updaters may run later than the frame that queued them.
  const position = useRef(elapsed);
  position.current = elapsed;
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let id = 0;
    const tick = (now: number) => {
      const next = Math.min(span, position.current + (now - last) * speed);
      last = now;
      position.current = next;
      setElapsed(next);
      if (next >= span) setPlaying(false);
      else id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [playing, speed, span]);

  const play = () => {
    if (elapsed >= span) setElapsed(0);
    setPlaying(true);
  };
  return (
    <div className="ink-replay" data-testid={testId} data-drawn-samples={frame.drawn} data-total-samples={total}>
      <canvas ref={canvas} width={520} height={200} className="ink-canvas" />
      <div className="row">
        {playing ? (
          <button type="button" onClick={() => setPlaying(false)} data-testid={`${testId}-pause`}>
            {t('records.pause')}
          </button>
        ) : (
          <button type="button" onClick={play} data-testid={`${testId}-play`}>
            {t('records.play')}
          </button>
        )}
        <input
          type="range"
          min={0}
          max={Math.max(1, Math.round(span))}
          value={Math.round(elapsed)}
          aria-label="scrub"
          data-testid={`${testId}-scrub`}
          onChange={(e) => {
            setPlaying(false);
            setElapsed(Number(e.target.value));
          }}
        />
        <span className="muted">
          {(elapsed / 1000).toFixed(2)} / {(span / 1000).toFixed(2)} s
        </span>
        <label>
          {t('records.speed')}{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid={`${testId}-speed`}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
