import { writeFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { IdCardError } from '../idcard-error';

export type FakeCameraFormat = 'mjpeg' | 'y4m';

export interface FakeCameraOptions {
  /** `mjpeg`: concatenated JPEG frames; `y4m`: YUV4MPEG2 with 4:2:0 planes. Chromium picks the parser by extension. */
  readonly format?: FakeCameraFormat;
  /** Frame size; the photo is fitted inside on a black ground. Must be even for 4:2:0. Default 1280 × 720. */
  readonly width?: number;
  readonly height?: number;
  readonly frames?: number;
  readonly fps?: number;
}

/**
 * Writes a video file for Chromium's fake camera: `--use-fake-device-for-media-stream
 * --use-file-for-fake-video-capture=<file>.mjpeg|.y4m`. Chromium accepts both (`media/capture/video/
 * file_video_capture_device.cc` chooses the Y4M or MJPEG parser from the extension) and loops the frames.
 * The path's extension must match `format`. Returns the number of bytes written.
 */
export async function writeFakeCameraFile(
  path: string,
  image: Uint8Array,
  options: FakeCameraOptions = {},
): Promise<number> {
  const format = options.format ?? 'mjpeg';
  if (!path.endsWith(`.${format}`)) {
    throw new IdCardError(
      'BAD_ARGUMENTS',
      `文件名须以 .${format} 结尾 / The file name must end in .${format} for Chromium to pick the parser`,
    );
  }
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  if (width % 2 !== 0 || height % 2 !== 0 || width <= 0 || height <= 0) {
    throw new IdCardError('BAD_ARGUMENTS', '帧宽高须为正偶数 / Frame width and height must be positive and even');
  }
  const frames = Math.max(1, options.frames ?? 30);
  const fitted = sharp(image).resize({ width, height, fit: 'contain', background: '#000' });
  const bytes =
    format === 'mjpeg'
      ? await encodeMjpeg(fitted, frames)
      : await encodeY4m(fitted, width, height, frames, options.fps ?? 30);
  await writeFile(path, bytes);
  return bytes.length;
}

async function encodeMjpeg(fitted: Sharp, frames: number): Promise<Buffer> {
  const frame = await fitted.jpeg({ quality: 90 }).toBuffer();
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

/** YUV4MPEG2 (`C420jpeg`: full-range BT.601, centred chroma) — the layout `ffmpeg -pix_fmt yuv420p` writes. */
async function encodeY4m(fitted: Sharp, width: number, height: number, frames: number, fps: number): Promise<Buffer> {
  const rgb = await fitted.removeAlpha().raw().toBuffer();
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [rgb[i * 3] ?? 0, rgb[i * 3 + 1] ?? 0, rgb[i * 3 + 2] ?? 0];
    y[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < width / 2; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((cy * 2 + dy) * width + cx * 2 + dx) * 3;
        r += rgb[i] ?? 0;
        g += rgb[i + 1] ?? 0;
        b += rgb[i + 2] ?? 0;
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      u[cy * (width / 2) + cx] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      v[cy * (width / 2) + cx] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}
