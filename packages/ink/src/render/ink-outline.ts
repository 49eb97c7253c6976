import { getStroke } from 'perfect-freehand';
import type { TInkDocument } from '../model/ink-document';
import { getVisibleStrokes } from '../model/visible-strokes';

export type Outline = [number, number][];

export interface OutlineOptions {
  /** Nominal pen width in mm. Default 0.9. */
  penWidthMm?: number;
  thinning?: number;
  smoothing?: number;
  streamline?: number;
}

/**
 * perfect-freehand outline polygons of the visible strokes, in document units. Measured pressure drives
 * the width; `simulatePressure` is used only when the capture context says pressure is synthetic.
 * Outlines are for display and never stored as evidence.
 */
export function getInkOutlines(doc: TInkDocument, options: OutlineOptions = {}): Outline[] {
  const size = (options.penWidthMm ?? 0.9) * doc.context.units.perMm;
  const simulatePressure = doc.context.pressure.kind === 'synthetic';
  return getVisibleStrokes(doc).map((stroke) => {
    const points = stroke.samples.map((s) => [s.x, s.y, s.pressure]);
    const outline = getStroke(points, {
      size,
      thinning: options.thinning ?? 0.6,
      smoothing: options.smoothing ?? 0.5,
      streamline: options.streamline ?? 0.3,
      simulatePressure,
      last: true,
    });
    return outline.map(([x, y]) => [x!, y!] as [number, number]);
  });
}
