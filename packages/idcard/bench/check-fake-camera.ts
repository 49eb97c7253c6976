/**
 * Checks that Chromium's fake camera accepts the files writeFakeCameraFile produces: for .mjpeg and .y4m, launches
 * /usr/bin/chromium with --use-file-for-fake-video-capture, grabs a getUserMedia frame on a loopback page and runs
 * the OCR on it. Usage: npm run check:camera -w @inkproof/idcard (prints one line per format; exit 1 on a miss).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createIdCardReader, generateSyntheticCard, writeFakeCameraFile } from '../src/index';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const directory = await mkdtemp(join(tmpdir(), 'idcard-camera-'));
const server = createServer((_, res) => {
  res.setHeader('content-type', 'text/html');
  res.end('<video id="v" autoplay playsinline></video>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const { port } = server.address() as { port: number };
const reader = await createIdCardReader();
let failures = 0;
try {
  const card = await generateSyntheticCard(11, { level: 'clean' });
  for (const format of ['mjpeg', 'y4m'] as const) {
    const file = join(directory, `camera.${format}`);
    await writeFakeCameraFile(file, card.jpeg, { format, frames: 2 });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${file}`],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const dataUrl = await page.evaluate(async () => {
        const video = document.getElementById('v') as HTMLVideoElement;
        video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true });
        await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
        const canvas = document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        canvas.getContext('2d')?.drawImage(video, 0, 0);
        return canvas.toDataURL('image/png');
      });
      const frame = new Uint8Array(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
      const result = await reader.recognize(frame);
      const isMatch = result.idNumber === card.identity.idNumber && result.name === card.identity.name;
      if (!isMatch) failures++;
      console.log(
        `${format}: Chromium frame read back — number ${result.idNumber === card.identity.idNumber ? 'matches' : 'DIFFERS'}, name ${result.name === card.identity.name ? 'matches' : 'DIFFERS'}`,
      );
    } finally {
      await browser.close();
    }
  }
} finally {
  await reader.close();
  server.close();
  await rm(directory, { recursive: true, force: true });
}
process.exitCode = failures === 0 ? 0 : 1;
