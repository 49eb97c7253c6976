import type { GrayImage } from '../image/gray-image';

/** Decoded pixels as a canvas gives them (`ImageData`): 4 bytes per pixel, row-major. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/** The server decodes photos to at most this side (decode-image.ts); the browser reads the same geometry. */
export const MAX_PHOTO_SIDE = 2000;

/** sRGB value → linear light, and back (IEC 61966-2-1). */
const TO_LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
const FROM_LINEAR_STEPS = 4096;
const FROM_LINEAR = Uint8Array.from({ length: FROM_LINEAR_STEPS + 1 }, (_, i) => {
  const c = i / FROM_LINEAR_STEPS;
  const s = c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.round(s * 255);
});

/**
 * Gray as the server's decoder makes it (libvips `greyscale`: Rec. 709 luminance in linear light, back to sRGB), the
 * image shrunk by area averaging to fit `maxSide` like the server's resize. Alpha is ignored (camera frames are
 * opaque).
 */
export function rgbaToGray(image: RgbaImage, maxSide = MAX_PHOTO_SIDE): GrayImage {
  const { width, height, data } = image;
  if (width < 1 || height < 1 || data.length < width * height * 4) throw new RangeError('not an RGBA image');
  const gray = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < gray.length; i++, p += 4) {
    const y = 0.2126 * (TO_LINEAR[data[p] ?? 0] ?? 0) + 0.7152 * (TO_LINEAR[data[p + 1] ?? 0] ?? 0);
    const linear = y + 0.0722 * (TO_LINEAR[data[p + 2] ?? 0] ?? 0);
    gray[i] = FROM_LINEAR[Math.round(Math.min(1, linear) * FROM_LINEAR_STEPS)] ?? 0;
  }
  const scale = Math.min(1, maxSide / Math.max(width, height));
  if (scale === 1) return { width, height, data: gray };
  return shrinkGray(
    { width, height, data: gray },
    Math.max(1, Math.round(width * scale)),
    Math.max(1, Math.round(height * scale)),
  );
}

/** Area-averaging reduction (each output pixel is the mean of the source area it covers), one axis at a time. */
export function shrinkGray(image: GrayImage, width: number, height: number): GrayImage {
  const rows = resampleAxis(Float32Array.from(image.data), image.width, image.height, width, true);
  const both = resampleAxis(rows, width, image.height, height, false);
  return { width, height, data: Uint8Array.from(both, (v) => Math.min(255, Math.max(0, Math.round(v)))) };
}

/** Averages along x (`alongX`) or y from `from` samples to `to` samples, weighting partly covered source pixels. */
function resampleAxis(src: Float32Array, width: number, height: number, to: number, alongX: boolean): Float32Array {
  const from = alongX ? width : height;
  const lines = alongX ? height : width;
  const outWidth = alongX ? to : width;
  const out = new Float32Array(alongX ? to * height : width * to);
  const ratio = from / to;
  for (let o = 0; o < to; o++) {
    const start = o * ratio;
    const end = start + ratio;
    for (let line = 0; line < lines; line++) {
      let sum = 0;
      for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
        const weight = Math.min(end, s + 1) - Math.max(start, s);
        sum += weight * (src[alongX ? line * width + s : s * width + line] ?? 0);
      }
      out[alongX ? line * outWidth + o : o * outWidth + line] = sum / ratio;
    }
  }
  return out;
}
