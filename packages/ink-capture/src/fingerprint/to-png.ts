import { decodeBmp, UnsupportedBmpError } from './decode-bmp';
import { encodePng } from './encode-png';
import { FingerprintError, isFingerprintError } from './fingerprint-error';
import { checkSize, type FingerprintMediaType, MAX_IMAGE_BYTES, readPngSize, sniffImageType } from './image-format';

/** Decodes an image with the browser's own decoders and re-encodes it as PNG (JPEG, unusual BMP variants). */
export type BrowserPngEncoder = (bytes: Uint8Array, mediaType: FingerprintMediaType) => Promise<Uint8Array>;

export interface PngConversion {
  png: Uint8Array;
  width: number;
  height: number;
  sourceMediaType: FingerprintMediaType;
}

/**
 * Turns what a reader delivered into a PNG the submission can carry: PNG is checked and kept byte for byte;
 * uncompressed BMP (the usual capture-service output) is decoded and encoded here, deterministically; JPEG and other
 * BMP variants go through the browser's decoder and a canvas. Anything else, or anything broken → BAD_IMAGE.
 */
export async function toPng(
  bytes: Uint8Array,
  options: { browserEncoder?: BrowserPngEncoder } = {},
): Promise<PngConversion> {
  if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES)
    throw new FingerprintError('BAD_IMAGE', { detail: `${bytes.length} bytes` });
  const sourceMediaType = sniffImageType(bytes);
  if (!sourceMediaType) throw new FingerprintError('BAD_IMAGE', { detail: 'not PNG, BMP or JPEG' });
  try {
    let png: Uint8Array;
    if (sourceMediaType === 'image/png') png = bytes;
    else if (sourceMediaType === 'image/bmp') {
      try {
        png = await encodePng(decodeBmp(bytes));
      } catch (error) {
        if (!(error instanceof UnsupportedBmpError)) throw error;
        png = await (options.browserEncoder ?? canvasPngEncoder)(bytes, sourceMediaType);
      }
    } else png = await (options.browserEncoder ?? canvasPngEncoder)(bytes, sourceMediaType);
    if (png.length > MAX_IMAGE_BYTES) throw new FingerprintError('BAD_IMAGE', { detail: 'PNG too large' });
    return { png, ...readPngSize(png), sourceMediaType };
  } catch (error) {
    if (isFingerprintError(error)) throw error;
    throw new FingerprintError('BAD_IMAGE', { cause: error });
  }
}

/** The browser path: createImageBitmap → (Offscreen)canvas → PNG. Browser only. */
export const canvasPngEncoder: BrowserPngEncoder = async (bytes, mediaType) => {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mediaType }));
  try {
    checkSize(bitmap.width, bitmap.height);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    }
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new FingerprintError('BAD_IMAGE', { detail: 'canvas could not encode PNG' });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
};
