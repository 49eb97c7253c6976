import type { Outline } from './ink-outline';

export interface Transform {
  scale: number;
  dx: number;
  dy: number;
}

export const IDENTITY: Transform = { scale: 1, dx: 0, dy: 0 };

export function formatNumber(value: number): string {
  const fixed = value.toFixed(2);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * One SVG path for all outlines: each closed polygon smoothed with quadratic segments through the
 * midpoints of its edges (M, Q, Z only, so pdf-lib `drawSvgPath` parses it). Fill with the nonzero rule.
 */
export function outlinesToSvgPath(outlines: readonly Outline[], transform: Transform = IDENTITY): string {
  const map = ([x, y]: [number, number]) =>
    `${formatNumber(x * transform.scale + transform.dx)} ${formatNumber(y * transform.scale + transform.dy)}`;
  const parts: string[] = [];
  for (const outline of outlines) {
    const n = outline.length;
    if (n === 0) continue;
    if (n < 3) {
      parts.push(`M${outline.map(map).join('L')}Z`);
      continue;
    }
    const mid = (i: number): [number, number] => {
      const a = outline[i % n]!;
      const b = outline[(i + 1) % n]!;
      return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    };
    let d = `M${map(mid(0))}`;
    for (let i = 1; i <= n; i++) d += `Q${map(outline[i % n]!)} ${map(mid(i))}`;
    parts.push(`${d}Z`);
  }
  return parts.join('');
}
