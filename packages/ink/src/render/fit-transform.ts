import type { Outline } from './ink-outline';
import type { Transform } from './outline-path';

/** Uniform scale + offset placing the outlines centred in a width × height box with padding (y down). */
export function fitOutlines(outlines: readonly Outline[], width: number, height: number, padding = 0): Transform {
  const points = outlines.flat();
  if (points.length === 0) return { scale: 1, dx: 0, dy: 0 };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const w = Math.max(1e-9, maxX - minX);
  const h = Math.max(1e-9, maxY - minY);
  const scale = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  return { scale, dx: (width - w * scale) / 2 - minX * scale, dy: (height - h * scale) / 2 - minY * scale };
}
