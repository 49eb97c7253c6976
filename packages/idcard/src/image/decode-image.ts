import sharp from 'sharp';
import { IdCardError } from '../idcard-error';
import type { GrayImage } from './gray-image';

/** Photos beyond this are refused before decoding (a 48 MP phone photo is ~8000 × 6000). */
const MAX_INPUT_PIXELS = 60_000_000;
/** Card text stays legible at this size and detection stays fast. */
const MAX_SIDE = 2000;

/** Decodes JPEG/PNG/WebP/… bytes to gray, applying the EXIF orientation (phones store rotated pixels). */
export async function decodeImage(bytes: Uint8Array): Promise<GrayImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (cause) {
    if (String(cause).includes('pixel limit')) {
      throw new IdCardError(
        'IMAGE_TOO_LARGE',
        '图片像素过多，请缩小后重试 / The image has too many pixels; resize it and retry',
        { cause },
      );
    }
    throw new IdCardError(
      'IMAGE_UNREADABLE',
      '无法读取图片，请重新拍摄 / The image cannot be decoded; take the photo again',
      { cause },
    );
  }
}

/** PNG bytes of a gray image (what the OCR worker is given). */
export async function encodeGrayPng(image: GrayImage): Promise<Uint8Array> {
  const png = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return new Uint8Array(png);
}
