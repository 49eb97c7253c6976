import { getVisibleStrokes, type TInkDocument } from '@inkproof/ink';
import type { LiveInkCanvas } from './live-ink-canvas';

/**
 * Replays the visible strokes at their recorded timing (speed 1 = real time) on a live canvas.
 * Resolves when done; `signal` aborts it.
 */
export function replayInk(
  doc: TInkDocument,
  canvas: LiveInkCanvas,
  options: { speed?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const speed = options.speed ?? 1;
  const samples = getVisibleStrokes(doc).flatMap((stroke) =>
    stroke.samples.map((s, i) => ({ s, previous: i > 0 ? stroke.samples[i - 1] : undefined })),
  );
  const t0 = samples[0]?.s.t ?? 0;
  const synthetic = doc.context.pressure.kind === 'synthetic';
  canvas.clear();
  return new Promise((resolve) => {
    const start = performance.now();
    let next = 0;
    const step = () => {
      if (options.signal?.aborted) return resolve();
      const elapsed = (performance.now() - start) * speed;
      while (next < samples.length && samples[next]!.s.t - t0 <= elapsed) {
        canvas.push(samples[next]!.s, samples[next]!.previous, synthetic);
        next++;
      }
      if (next >= samples.length) {
        canvas.redraw(doc);
        return resolve();
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}
