import type { PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { INK, MUTED } from './report-writer.js';

export interface PlotPoint {
  /** ms since the first sample */
  t: number;
  value: number;
  /** Points of one stroke are joined; a new stroke starts a new line (pen lifted). */
  strokeId: number;
}

export interface PlotBox {
  x: number;
  /** Lower-left corner (PDF user space, y up). */
  y: number;
  width: number;
  height: number;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2));

/**
 * A line plot of one channel over time with labelled axes (0 and maximum), drawn as a vector path so the court copy
 * keeps every sample: one polyline per stroke, gaps where the pen was lifted.
 */
export function drawTimePlot(
  page: PDFPage,
  font: PDFFont,
  box: PlotBox,
  points: readonly PlotPoint[],
  labels: { title: string; unit: string },
): void {
  const tMax = Math.max(1, ...points.map((p) => p.t));
  const vMax = Math.max(Number.EPSILON, ...points.map((p) => (Number.isFinite(p.value) ? p.value : 0)));
  const axis = { thickness: 0.5, color: MUTED };
  page.drawLine({ start: { x: box.x, y: box.y }, end: { x: box.x + box.width, y: box.y }, ...axis });
  page.drawLine({ start: { x: box.x, y: box.y }, end: { x: box.x, y: box.y + box.height }, ...axis });
  page.drawText(labels.title, { x: box.x, y: box.y + box.height + 4, size: 8, font, color: INK });
  page.drawText(`${fmt(vMax)} ${labels.unit}`, {
    x: box.x + 3,
    y: box.y + box.height - 8,
    size: 6,
    font,
    color: MUTED,
  });
  page.drawText('0', { x: box.x - 7, y: box.y - 2, size: 6, font, color: MUTED });
  const tLabel = `${(tMax / 1000).toFixed(2)} s`;
  page.drawText(tLabel, {
    x: box.x + box.width - font.widthOfTextAtSize(tLabel, 6),
    y: box.y - 9,
    size: 6,
    font,
    color: MUTED,
  });
  page.drawText('时间 / time', { x: box.x + box.width / 2 - 15, y: box.y - 9, size: 6, font, color: MUTED });

  // drawSvgPath takes y-down coordinates relative to the given top-left corner.
  const segments: string[] = [];
  let stroke: number | undefined;
  for (const p of points) {
    const v = Number.isFinite(p.value) ? Math.min(p.value, vMax) : 0;
    const px = ((p.t / tMax) * box.width).toFixed(2);
    const py = (box.height - (v / vMax) * box.height).toFixed(2);
    segments.push(`${p.strokeId === stroke ? 'L' : 'M'}${px} ${py}`);
    stroke = p.strokeId;
  }
  if (segments.length > 1) {
    page.drawSvgPath(segments.join(' '), {
      x: box.x,
      y: box.y + box.height,
      borderColor: rgb(0.1, 0.3, 0.7),
      borderWidth: 0.6,
    });
  }
}
