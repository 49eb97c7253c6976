import { AppError } from '../../errors';

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Checks that an uploaded image really is the declared type (magic bytes and a plausible end marker) and strips JPEG
 * APP1..APP15 segments (EXIF/GPS/XMP metadata) while keeping the image data byte for byte.
 */
export function checkImage(bytes: Uint8Array, mediaType: 'image/jpeg' | 'image/png', path: string): Uint8Array {
  const bad = (message: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', message, { fields: [{ path, message }] });
  if (mediaType === 'image/png') {
    if (!PNG.every((b, i) => bytes[i] === b)) throw bad('不是 PNG 图片 / not a PNG image');
    return bytes;
  }
  if (!JPEG.every((b, i) => bytes[i] === b)) throw bad('不是 JPEG 图片 / not a JPEG image');
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9)
    throw bad('JPEG 图片不完整 / truncated JPEG');
  return stripJpegMetadata(bytes, bad);
}

function stripJpegMetadata(bytes: Uint8Array, bad: (m: string) => AppError): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw bad('JPEG 结构错误 / malformed JPEG');
    const marker = bytes[i + 1]!;
    if (marker === 0xda) {
      out.push(bytes.subarray(i)); // start of scan: the rest is entropy-coded data up to EOI
      break;
    }
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > bytes.length) throw bad('JPEG 结构错误 / malformed JPEG');
    // APP1..APP15 carry EXIF (camera, GPS, time), XMP, ICC and vendor data: none of it is evidence we want to keep.
    const isMetadata = marker >= 0xe1 && marker <= 0xef;
    if (!isMetadata && marker !== 0xfe) out.push(bytes.subarray(i, i + 2 + length)); // 0xFE = comment
    i += 2 + length;
  }
  return Buffer.concat(out);
}
