import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { expect, it } from 'vitest';
import { findBuiltinTemplate, renderConsentPdf } from '../../src/consent/index.js';
import { SAMPLE_DATA } from './sample-data.js';

/** Rasterises one page with poppler and decodes the QR code with an independent decoder (jsQR). */
function decodeQrOnPage(pdf: Uint8Array, page: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  spawnSync('pdftoppm', ['-r', '200', '-f', String(page), '-l', String(page), join(dir, 'doc.pdf'), join(dir, 'p')]);
  const file = spawnSync('sh', ['-c', `ls ${dir}/p*.ppm`], { encoding: 'utf8' }).stdout.trim();
  const ppm = readFileSync(file);
  const header = ppm
    .subarray(0, 40)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('not a P6 ppm');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgb[i * 3]!;
    rgba[i * 4 + 1] = rgb[i * 3 + 1]!;
    rgba[i * 4 + 2] = rgb[i * 3 + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

it('prints a scannable QR code and the verification code on every page', async () => {
  const url = 'http://127.0.0.1:3000/verify/K7QM-2XPD-9A';
  const out = await renderConsentPdf(findBuiltinTemplate('surgery-consent')!, SAMPLE_DATA['surgery-consent'], {
    hospitalName: '测试医院',
    verification: { code: 'K7QM-2XPD-9A', url },
    createdAt: new Date('2026-11-22T00:00:00Z'),
  });
  for (let page = 1; page <= out.pageCount; page++) expect(decodeQrOnPage(out.pdf, page)).toBe(url);
  const text = spawnSync('pdftotext', ['-', '-'], { input: out.pdf, encoding: 'utf8' }).stdout;
  expect(text.match(/验证码 K7QM-2XPD-9A/g)).toHaveLength(out.pageCount);
});
