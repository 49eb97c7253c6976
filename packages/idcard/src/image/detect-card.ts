import { computeConvexHull, computePolygonArea, simplifyToQuadrilateral } from './convex-hull';
import type { GrayImage } from './gray-image';
import type { Point } from './homography';
import { computeOtsuThreshold } from './otsu-threshold';

/** Width the detector works at; card outlines need no more. */
const DETECT_WIDTH = 480;

/**
 * Finds the card as the largest bright region (the card's light ground against a darker surface), takes its
 * convex hull, reduces it to four corners and refines each side by a line fit, so rounded corners do not pull
 * the corners inwards. Returns TL, TR, BR, BL in `image` pixels with the long side on top, or undefined.
 */
export function detectCard(image: GrayImage): Point[] | undefined {
  const factor = Math.max(1, Math.ceil(image.width / DETECT_WIDTH));
  const small = downscale(image, factor);
  const threshold = computeOtsuThreshold(small.data);
  const mask = largestBrightComponent(small, threshold);
  if (mask.area < small.width * small.height * 0.08 || mask.area > small.width * small.height * 0.97) return undefined;
  const hull = computeConvexHull(mask.boundary);
  const rough = simplifyToQuadrilateral(hull);
  if (rough === undefined || computePolygonArea(rough) < mask.area * 0.8) return undefined;
  const refined = refineCorners(rough, mask.boundary) ?? rough;
  const ordered = orderCorners(refined);
  return ordered.map((p) => ({ x: (p.x + 0.5) * factor - 0.5, y: (p.y + 0.5) * factor - 0.5 }));
}

function downscale(image: GrayImage, factor: number): GrayImage {
  if (factor === 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx] ?? 0;
      }
      data[y * width + x] = sum / (factor * factor);
    }
  }
  return { width, height, data };
}

/** 4-connected flood fill over pixels brighter than the threshold; keeps the largest region's outline points. */
function largestBrightComponent(image: GrayImage, threshold: number): { area: number; boundary: Point[] } {
  const { width, height, data } = image;
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let best = { label: 0, area: 0 };
  let next = 1;
  for (let start = 0; start < labels.length; start++) {
    if (labels[start] !== 0 || (data[start] ?? 0) <= threshold) continue;
    let top = 0;
    stack[top++] = start;
    labels[start] = next;
    let area = 0;
    while (top > 0) {
      const i = stack[--top] ?? 0;
      area++;
      const x = i % width;
      const neighbours = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width];
      for (const n of neighbours) {
        if (n < 0 || n >= labels.length || labels[n] !== 0 || (data[n] ?? 0) <= threshold) continue;
        labels[n] = next;
        stack[top++] = n;
      }
    }
    if (area > best.area) best = { label: next, area };
    next++;
  }
  const boundary: Point[] = [];
  for (let y = 0; y < height; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (labels[y * width + x] !== best.label) continue;
      if (first < 0) first = x;
      last = x;
    }
    if (first >= 0) boundary.push({ x: first, y }, { x: last, y });
  }
  for (let x = 0; x < width; x++) {
    let first = -1;
    let last = -1;
    for (let y = 0; y < height; y++) {
      if (labels[y * width + x] !== best.label) continue;
      if (first < 0) first = y;
      last = y;
    }
    if (first >= 0) boundary.push({ x, y: first }, { x, y: last });
  }
  return { area: best.area, boundary };
}

interface Line {
  readonly point: Point;
  readonly direction: Point;
}

/** Fits each side to the outline points near its middle 70 % (total least squares) and intersects neighbours. */
function refineCorners(corners: readonly Point[], outline: readonly Point[]): Point[] | undefined {
  const lines: Line[] = [];
  for (let i = 0; i < 4; i++) {
    const a = corners[i] as Point;
    const b = corners[(i + 1) % 4] as Point;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length < 4) return undefined;
    const ux = (b.x - a.x) / length;
    const uy = (b.y - a.y) / length;
    const middle = outline.filter((p) => {
      const along = (p.x - a.x) * ux + (p.y - a.y) * uy;
      return along > length * 0.15 && along < length * 0.85;
    });
    // The rough corners sit somewhere on the rounded corners: start wide, then keep points close to the fit.
    let line: Line = { point: a, direction: { x: ux, y: uy } };
    for (const tolerance of [Math.max(4, length * 0.1), 2.5, 1.5]) {
      const near = middle.filter((p) => distanceToLine(line, p) < tolerance);
      if (near.length < 5) return undefined;
      line = fitLine(near);
    }
    lines.push(line);
  }
  const result: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const p = intersect(lines[(i + 3) % 4] as Line, lines[i] as Line);
    if (p === undefined) return undefined;
    result.push(p);
  }
  return result;
}

function fitLine(points: readonly Point[]): Line {
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { point: { x: mx, y: my }, direction: { x: Math.cos(angle), y: Math.sin(angle) } };
}

function distanceToLine(line: Line, p: Point): number {
  return Math.abs(-(p.x - line.point.x) * line.direction.y + (p.y - line.point.y) * line.direction.x);
}

function intersect(l1: Line, l2: Line): Point | undefined {
  const det = l1.direction.x * l2.direction.y - l1.direction.y * l2.direction.x;
  if (Math.abs(det) < 1e-6) return undefined;
  const dx = l2.point.x - l1.point.x;
  const dy = l2.point.y - l1.point.y;
  const t = (dx * l2.direction.y - dy * l2.direction.x) / det;
  return { x: l1.point.x + t * l1.direction.x, y: l1.point.y + t * l1.direction.y };
}

/** Clockwise on screen from the top-left; rotated a quarter turn when the first side is the short one. */
function orderCorners(corners: readonly Point[]): Point[] {
  const cx = corners.reduce((s, p) => s + p.x, 0) / 4;
  const cy = corners.reduce((s, p) => s + p.y, 0) / 4;
  const sorted = [...corners].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  let start = 0;
  for (let i = 1; i < 4; i++) {
    const p = sorted[i] as Point;
    const s = sorted[start] as Point;
    if (p.x + p.y < s.x + s.y) start = i;
  }
  const ordered = [0, 1, 2, 3].map((k) => sorted[(start + k) % 4] as Point);
  const side = (i: number) => {
    const a = ordered[i] as Point;
    const b = ordered[(i + 1) % 4] as Point;
    return Math.hypot(b.x - a.x, b.y - a.y);
  };
  return side(0) + side(2) >= side(1) + side(3) ? ordered : [3, 0, 1, 2].map((k) => ordered[k] as Point);
}
