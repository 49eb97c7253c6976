/** Images up to this size are embedded as they are; larger ones are downscaled first (report size stays small). */
export const THUMBNAIL_MAX_BYTES = 256 * 1024;
const THUMBNAIL_EDGE = 480;

/**
 * A JPEG thumbnail (longest edge 480 px) of a large photo, using sharp when the installation has it (the server and
 * CLI do, through @inkproof/idcard); without it, undefined and the report says the photo is too large to show.
 * Small images are returned unchanged so the report shows the exact escrowed bytes.
 */
export async function makeThumbnail(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  if (bytes.byteLength <= THUMBNAIL_MAX_BYTES) return bytes;
  try {
    const { default: sharp } = await import('sharp');
    const out = await sharp(Buffer.from(bytes))
      .rotate()
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside' })
      .jpeg({ quality: 80 })
      .toBuffer();
    return new Uint8Array(out);
  } catch {
    return undefined;
  }
}
