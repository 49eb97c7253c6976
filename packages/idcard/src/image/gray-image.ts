/** An 8-bit single-channel image, row-major. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function createGrayImage(width: number, height: number, fill = 0): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(fill) };
}

/** Copies the rectangle (clamped to the image) into a new image. */
export function cropGray(image: GrayImage, left: number, top: number, width: number, height: number): GrayImage {
  const x0 = Math.max(0, Math.round(left));
  const y0 = Math.max(0, Math.round(top));
  const x1 = Math.min(image.width, Math.round(left + width));
  const y1 = Math.min(image.height, Math.round(top + height));
  const out = createGrayImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0), 255);
  for (let y = y0; y < y1; y++) {
    out.data.set(image.data.subarray(y * image.width + x0, y * image.width + x1), (y - y0) * out.width);
  }
  return out;
}

/** Rotates by 180° (a card photographed upside down). */
export function rotateGray180(image: GrayImage): GrayImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = image.data[data.length - 1 - i] ?? 0;
  return { width: image.width, height: image.height, data };
}

/** Mean intensity of a rectangle. */
export function meanGray(image: GrayImage, left: number, top: number, width: number, height: number): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.max(0, top); y < Math.min(image.height, top + height); y++) {
    for (let x = Math.max(0, left); x < Math.min(image.width, left + width); x++) {
      sum += image.data[y * image.width + x] ?? 0;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}
