import type { TInkDocument } from '../model/ink-document';
import { fitOutlines } from './fit-transform';
import { getInkOutlines, type Outline, type OutlineOptions } from './ink-outline';
import { formatNumber, IDENTITY, outlinesToSvgPath, type Transform } from './outline-path';

/** SVG path data of the ink in document units (fill nonzero). */
export function renderInkSvgPath(doc: TInkDocument, options: OutlineOptions = {}): string {
  return outlinesToSvgPath(getInkOutlines(doc, options), IDENTITY);
}

export interface BoxOptions extends OutlineOptions {
  /** Box size in the target unit (PDF points, CSS px). */
  width: number;
  height: number;
  padding?: number;
}

/**
 * Path for pdf-lib: `page.drawSvgPath(path, { x: boxLeft, y: boxTop })` — coordinates are y-down inside the
 * box, as drawSvgPath expects; fill with the nonzero rule.
 */
export function renderInkPdfSvgPath(doc: TInkDocument, options: BoxOptions): string {
  const outlines = getInkOutlines(doc, options);
  return outlinesToSvgPath(outlines, fitOutlines(outlines, options.width, options.height, options.padding ?? 0));
}

/**
 * Raw PDF content-stream operators (ISO 32000-1 §8.5.2: m, c, h, f) filling the ink inside the box whose
 * lower-left corner is (x, y) in PDF user space (y up). Quadratic segments are raised to cubics.
 */
export function renderInkPdfOperators(doc: TInkDocument, options: BoxOptions & { x: number; y: number }): string {
  const outlines = getInkOutlines(doc, options);
  const fit = fitOutlines(outlines, options.width, options.height, options.padding ?? 0);
  return outlinesToPdfOperators(outlines, fit, options.x, options.y + options.height);
}

function outlinesToPdfOperators(outlines: readonly Outline[], fit: Transform, left: number, top: number): string {
  const tx = ([x, y]: [number, number]): [number, number] => [
    left + x * fit.scale + fit.dx,
    top - (y * fit.scale + fit.dy),
  ];
  const f = (p: [number, number]) => `${formatNumber(p[0])} ${formatNumber(p[1])}`;
  const ops: string[] = [];
  for (const outline of outlines) {
    const n = outline.length;
    if (n < 3) continue;
    const mid = (i: number) =>
      tx([(outline[i % n]![0] + outline[(i + 1) % n]![0]) / 2, (outline[i % n]![1] + outline[(i + 1) % n]![1]) / 2]);
    let current = mid(0);
    ops.push(`${f(current)} m`);
    for (let i = 1; i <= n; i++) {
      const q = tx(outline[i % n]!);
      const end = mid(i);
      const c1: [number, number] = [
        current[0] + (2 / 3) * (q[0] - current[0]),
        current[1] + (2 / 3) * (q[1] - current[1]),
      ];
      const c2: [number, number] = [end[0] + (2 / 3) * (q[0] - end[0]), end[1] + (2 / 3) * (q[1] - end[1])];
      ops.push(`${f(c1)} ${f(c2)} ${f(end)} c`);
      current = end;
    }
    ops.push('h');
  }
  return ops.length ? `${ops.join('\n')}\nf` : '';
}

/** Standalone SVG document of the ink, sized to the capture surface unless a box is given. */
export function renderInkSvgDocument(
  doc: TInkDocument,
  options: Partial<BoxOptions> & { color?: string } = {},
): string {
  const outlines = getInkOutlines(doc, options);
  const width = options.width ?? doc.context.surface.width;
  const height = options.height ?? doc.context.surface.height;
  const fit = options.width || options.height ? fitOutlines(outlines, width, height, options.padding ?? 0) : IDENTITY;
  const path = outlinesToSvgPath(outlines, fit);
  const color = (options.color ?? '#000000').replace(/[^#0-9a-zA-Z]/g, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${formatNumber(width)}" height="${formatNumber(height)}" viewBox="0 0 ${formatNumber(width)} ${formatNumber(height)}">`,
    `<path d="${path}" fill="${color}" fill-rule="nonzero"/>`,
    '</svg>',
  ].join('\n');
}
