import { computeHomography, type Homography, type Point } from './homography';

/** Interleaved 8-bit pixels with `channels` per pixel (1 = gray, 3 = RGB). */
export interface RawImage {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: Uint8Array;
}

/** Warps `source` so that the quadrilateral `sourceQuad` (TL, TR, BR, BL) fills a `width`×`height` output (bilinear). */
export function warpPerspective(
  source: RawImage,
  sourceQuad: readonly Point[],
  width: number,
  height: number,
  fill = 255,
): RawImage {
  const target = [
    { x: 0, y: 0 },
    { x: width - 1, y: 0 },
    { x: width - 1, y: height - 1 },
    { x: 0, y: height - 1 },
  ];
  const out: RawImage = {
    width,
    height,
    channels: source.channels,
    data: new Uint8Array(width * height * source.channels).fill(fill),
  };
  drawWarped(source, computeHomography(target, sourceQuad), out, { x0: 0, y0: 0, x1: width, y1: height });
  return out;
}

/** Draws all of `source` onto `target` (in place) with its corners at `destinationQuad` (TL, TR, BR, BL). */
export function drawPerspective(source: RawImage, destinationQuad: readonly Point[], target: RawImage): void {
  const corners = [
    { x: 0, y: 0 },
    { x: source.width - 1, y: 0 },
    { x: source.width - 1, y: source.height - 1 },
    { x: 0, y: source.height - 1 },
  ];
  const xs = destinationQuad.map((p) => p.x);
  const ys = destinationQuad.map((p) => p.y);
  const box = {
    x0: Math.max(0, Math.floor(Math.min(...xs))),
    y0: Math.max(0, Math.floor(Math.min(...ys))),
    x1: Math.min(target.width, Math.ceil(Math.max(...xs)) + 1),
    y1: Math.min(target.height, Math.ceil(Math.max(...ys)) + 1),
  };
  drawWarped(source, computeHomography(destinationQuad, corners), target, box, true);
}

function drawWarped(
  source: RawImage,
  h: Homography,
  target: RawImage,
  box: { x0: number; y0: number; x1: number; y1: number },
  skipOutside = false,
): void {
  const { width: sw, height: sh, channels: c, data: src } = source;
  const tc = target.channels;
  // An RGBA source is composited over the target (the card's rounded corners are transparent).
  const hasAlpha = c === 4 && tc === 3;
  const maxX = Math.max(0, sw - 2);
  const maxY = Math.max(0, sh - 2);
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const w = h[6] * x + h[7] * y + h[8];
      const px = (h[0] * x + h[1] * y + h[2]) / w;
      const py = (h[3] * x + h[4] * y + h[5]) / w;
      if (skipOutside && (px < 0 || py < 0 || px > sw - 1 || py > sh - 1)) continue;
      const fx = px < 0 ? 0 : Math.min(px, sw - 1);
      const fy = py < 0 ? 0 : Math.min(py, sh - 1);
      const ix = Math.min(Math.floor(fx), maxX);
      const iy = Math.min(Math.floor(fy), maxY);
      const ax = fx - ix;
      const ay = fy - iy;
      const i00 = (iy * sw + ix) * c;
      const i01 = i00 + sw * c;
      const w00 = (1 - ax) * (1 - ay);
      const w10 = ax * (1 - ay);
      const w01 = (1 - ax) * ay;
      const w11 = ax * ay;
      const o = (y * target.width + x) * tc;
      const alpha = hasAlpha
        ? ((src[i00 + 3] ?? 0) * w00 +
            (src[i00 + c + 3] ?? 0) * w10 +
            (src[i01 + 3] ?? 0) * w01 +
            (src[i01 + c + 3] ?? 0) * w11) /
          255
        : 1;
      for (let k = 0; k < tc; k++) {
        const value =
          (src[i00 + k] ?? 0) * w00 +
          (src[i00 + c + k] ?? 0) * w10 +
          (src[i01 + k] ?? 0) * w01 +
          (src[i01 + c + k] ?? 0) * w11;
        target.data[o + k] = value * alpha + (target.data[o + k] ?? 0) * (1 - alpha) + 0.5;
      }
    }
  }
}
