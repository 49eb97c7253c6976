import { getStroke } from 'perfect-freehand';

/** One pen sample as captured (screen coordinates, y grows downwards; pressure 0…1; t in ms). A plain interface on purpose. */
export interface InkSample {
  t: number;
  x: number;
  y: number;
  pressure: number;
}

export type InkStrokes = readonly (readonly InkSample[])[];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Turns raw strokes into one PDF path (operators `m`/`l`/`h`) of perfect-freehand outlines fitted into `box`
 * (PDF user space, y up), to be filled with the nonzero winding rule. Outlines are for display only: the samples
 * themselves are the evidence and live elsewhere.
 */
export function inkOutlinePath(strokes: InkStrokes, box: Box, penSize = 2.2): string {
  const points = strokes.flat();
  if (points.length === 0) return '';
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxY = Math.max(...points.map((p) => p.y));
  const pad = penSize;
  const scale = Math.min(
    (box.width - 2 * pad) / Math.max(maxX - minX, 1e-6),
    (box.height - 2 * pad) / Math.max(maxY - minY, 1e-6),
  );
  const offX = box.x + pad + (box.width - 2 * pad - (maxX - minX) * scale) / 2;
  const offY = box.y + pad + (box.height - 2 * pad - (maxY - minY) * scale) / 2;
  const parts: string[] = [];
  for (const stroke of strokes) {
    if (stroke.length === 0) continue;
    const input = stroke.map((p) => [(p.x - minX) * scale, (maxY - p.y) * scale, clamp(p.pressure)]);
    const outline = getStroke(input, { size: penSize, thinning: 0.6, simulatePressure: false, last: true });
    if (outline.length < 3) continue;
    outline.forEach(([x, y], i) => {
      parts.push(`${fmt(offX + x!)} ${fmt(offY + y!)} ${i === 0 ? 'm' : 'l'}`);
    });
    parts.push('h');
  }
  return parts.join('\n');
}

const clamp = (p: number): number => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5);
const fmt = (n: number): string => (Math.round(n * 100) / 100).toString();
