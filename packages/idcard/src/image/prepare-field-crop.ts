import type { FieldBox } from '../card-layout';
import { cropGray, type GrayImage } from './gray-image';
import { computeOtsuThreshold } from './otsu-threshold';

export interface FieldCropOptions {
  /** Single-line fields keep only the densest text band (a neighbouring line may intrude after deskewing). */
  readonly isSingleLine: boolean;
  /** Binarise with Otsu instead of passing stretched gray (a second attempt for degraded photos). */
  readonly binarize?: boolean;
  /** Resampling factor for the trimmed crop (1 = as deskewed). */
  readonly scale?: number;
  /** Thicken strokes by one pixel (2×2 minimum filter): thin 黑体 strokes after blur read as lighter glyphs. */
  readonly thicken?: boolean;
}

const MARGIN = 10;

/**
 * Cuts one field out of the deskewed card, stretches contrast, trims to the ink and pads with white: tesseract
 * reads isolated, tightly framed lines far better than a whole card (STANDARDS.md "ID cards").
 */
export function prepareFieldCrop(card: GrayImage, box: FieldBox, options: FieldCropOptions): GrayImage | undefined {
  const crop = stretchContrast(cropGray(card, box.left, box.top, box.width, box.height));
  const threshold = computeOtsuThreshold(crop.data);
  const isInk = (x: number, y: number) => (crop.data[y * crop.width + x] ?? 255) <= threshold && threshold < 200;
  const rows = Array.from({ length: crop.height }, (_, y) => {
    let count = 0;
    for (let x = 0; x < crop.width; x++) if (isInk(x, y)) count++;
    return count;
  });
  const minRowInk = Math.max(2, crop.width * 0.01);
  const band = options.isSingleLine ? densestBand(rows, minRowInk) : outerBand(rows, minRowInk);
  if (band === undefined) return undefined;
  let left = crop.width;
  let right = -1;
  for (let y = band.top; y <= band.bottom; y++) {
    for (let x = 0; x < crop.width; x++) {
      if (!isInk(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  if (right < left) return undefined;
  const trimmed = cropGray(crop, left - 4, band.top - 4, right - left + 9, band.bottom - band.top + 9);
  const binary = options.binarize ? binarizeImage(trimmed, threshold) : trimmed;
  const thick = options.thicken ? thickenStrokes(binary) : binary;
  return padImage(upscale(thick, options.scale ?? 1), MARGIN);
}

function stretchContrast(image: GrayImage): GrayImage {
  const sorted = Uint8Array.from(image.data).sort();
  const low = sorted[Math.floor(sorted.length * 0.01)] ?? 0;
  const high = sorted[Math.floor(sorted.length * 0.9)] ?? 255;
  const span = Math.max(1, high - low);
  const data = image.data.map((v) => Math.min(255, Math.max(0, ((v - low) * 255) / span)));
  return { ...image, data };
}

interface Band {
  readonly top: number;
  readonly bottom: number;
}

/** The run of inked rows with the most ink, bridging gaps of up to 3 rows (a character's split strokes). */
function densestBand(rows: readonly number[], minInk: number): Band | undefined {
  let best: (Band & { ink: number }) | undefined;
  let start = -1;
  let gap = 0;
  let ink = 0;
  for (let y = 0; y <= rows.length; y++) {
    const isInked = (rows[y] ?? 0) >= minInk;
    if (isInked) {
      if (start < 0) start = y;
      gap = 0;
      ink += rows[y] ?? 0;
    } else if (start >= 0 && (++gap > 3 || y === rows.length)) {
      const candidate = { top: start, bottom: y - gap, ink };
      if (best === undefined || candidate.ink > best.ink) best = candidate;
      start = -1;
      gap = 0;
      ink = 0;
    }
  }
  return best;
}

function outerBand(rows: readonly number[], minInk: number): Band | undefined {
  const top = rows.findIndex((r) => r >= minInk);
  if (top < 0) return undefined;
  let bottom = rows.length - 1;
  while (bottom > top && (rows[bottom] ?? 0) < minInk) bottom--;
  return { top, bottom };
}

function thickenStrokes(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const below = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x++) {
      const right = Math.min(width - 1, x + 1);
      out[y * width + x] = Math.min(
        data[y * width + x] ?? 255,
        data[y * width + right] ?? 255,
        data[below + x] ?? 255,
        data[below + right] ?? 255,
      );
    }
  }
  return { width, height, data: out };
}

function binarizeImage(image: GrayImage, threshold: number): GrayImage {
  return { ...image, data: image.data.map((v) => (v <= threshold ? 0 : 255)) };
}

/** Bilinear resampling by `factor` (text height matters to the LSTM; nearest-neighbour blocks hurt it). */
function upscale(image: GrayImage, factor: number): GrayImage {
  if (factor === 1) return image;
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const iy = Math.min(Math.floor(fy), Math.max(0, image.height - 2));
    const ay = fy - iy;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const ix = Math.min(Math.floor(fx), Math.max(0, image.width - 2));
      const ax = fx - ix;
      const i = iy * image.width + ix;
      const below = image.height > 1 ? image.width : 0;
      const right = image.width > 1 ? 1 : 0;
      const top = (image.data[i] ?? 255) * (1 - ax) + (image.data[i + right] ?? 255) * ax;
      const bottom = (image.data[i + below] ?? 255) * (1 - ax) + (image.data[i + below + right] ?? 255) * ax;
      data[y * width + x] = top * (1 - ay) + bottom * ay + 0.5;
    }
  }
  return { width, height, data };
}

function padImage(image: GrayImage, margin: number): GrayImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < image.height; y++)
    data.set(image.data.subarray(y * image.width, (y + 1) * image.width), (y + margin) * width + margin);
  return { width, height, data };
}
