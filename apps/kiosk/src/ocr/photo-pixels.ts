/**
 * Decodes the captured photo to RGBA for the on-device reading: the same JPEG the server reads, turned upright from
 * its EXIF orientation as the server's decoder does. The library shrinks it to the server's size.
 */
export async function photoPixels(photo: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(photo);
  try {
    const { width, height } = bitmap;
    const canvas =
      typeof OffscreenCanvas === 'undefined'
        ? Object.assign(document.createElement('canvas'), { width, height })
        : new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true }) as
      | CanvasRenderingContext2D
      | OffscreenCanvasRenderingContext2D
      | null;
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}
