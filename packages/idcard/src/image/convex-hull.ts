import type { Point } from './homography';

/** Andrew's monotone chain; returns the hull counter-clockwise in y-up terms (clockwise on screen). */
export function computeConvexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of sorted.reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Drops the vertex whose removal loses the least area until four remain: the card outline as a quadrilateral. */
export function simplifyToQuadrilateral(hull: readonly Point[]): Point[] | undefined {
  const poly = [...hull];
  if (poly.length < 4) return undefined;
  while (poly.length > 4) {
    let smallest = Number.POSITIVE_INFINITY;
    let index = 0;
    for (let i = 0; i < poly.length; i++) {
      const a = poly[(i + poly.length - 1) % poly.length] as Point;
      const b = poly[i] as Point;
      const c = poly[(i + 1) % poly.length] as Point;
      const area = Math.abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
      if (area < smallest) {
        smallest = area;
        index = i;
      }
    }
    poly.splice(index, 1);
  }
  return poly;
}

/** Polygon area (shoelace). */
export function computePolygonArea(poly: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Point;
    const b = poly[(i + 1) % poly.length] as Point;
    sum += a.x * b.y - b.x * a.y;
  }
  return Math.abs(sum) / 2;
}
