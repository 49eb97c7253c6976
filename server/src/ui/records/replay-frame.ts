import { getBoundingBox, getInkOutlines, type TInkDocument } from '@inkproof/ink';

/** Samples with t ≤ t0 + elapsed, stroke by stroke: what had been written `elapsedMs` into the signature. */
export function inkAt(doc: TInkDocument, elapsedMs: number): { doc: TInkDocument; drawn: number } {
  const t0 = doc.strokes.find((s) => s.samples.length > 0)?.samples[0]?.t ?? 0;
  let drawn = 0;
  const strokes = doc.strokes
    .map((s) => {
      const samples = s.samples.filter((p) => p.t - t0 <= elapsedMs);
      drawn += samples.length;
      return { ...s, samples };
    })
    .filter((s) => s.samples.length > 0);
  // Clear/undo events are replayed only once their time has come.
  const events = doc.events.filter((e) => e.t - t0 <= elapsedMs);
  return { doc: { ...doc, strokes, events }, drawn };
}

export function inkSpanMs(doc: TInkDocument): number {
  const all = doc.strokes.flatMap((s) => s.samples.map((p) => p.t));
  return all.length ? Math.max(...all) - Math.min(...all) : 0;
}

/** Paints the ink written so far with perfect-freehand outlines (@inkproof/ink), scaled to fit the canvas. */
export function paintInk(canvas: HTMLCanvasElement, full: TInkDocument, partial: TInkDocument): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const box = getBoundingBox(full.strokes.flatMap((s) => s.samples));
  if (!box) return;
  const pad = 12;
  const w = Math.max(1, box.maxX - box.minX);
  const h = Math.max(1, box.maxY - box.minY);
  const scale = Math.min((canvas.width - 2 * pad) / w, (canvas.height - 2 * pad) / h);
  ctx.setTransform(scale, 0, 0, scale, pad - box.minX * scale, pad - box.minY * scale);
  ctx.fillStyle = '#10243e';
  for (const outline of getInkOutlines(partial)) {
    if (outline.length < 2) continue;
    ctx.beginPath();
    ctx.moveTo(outline[0]![0], outline[0]![1]);
    for (const [x, y] of outline.slice(1)) ctx.lineTo(x, y);
    ctx.closePath();
    ctx.fill();
  }
}
