import type { PDFFont, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { A4, COLOR, MARGIN } from './page-geometry.js';

export interface TVerificationMark {
  /** Short code printed under the QR code, typed in by someone holding a paper copy. */
  code: string;
  /** URL the QR code encodes, e.g. https://hospital.example/verify/ABCD-EFGH-JK. */
  url: string;
}

const QR_SIZE = 42;
const QR_BOTTOM = 8;

/** One SVG path of the dark modules (unit squares), so a QR code costs one small content-stream operation. */
export function qrModulesPath(text: string): { path: string; modules: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  let path = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) if (qr.modules.get(y, x)) path += `M${x} ${y}h1v1h-1z`;
  }
  return { path, modules: n };
}

/**
 * Draws the QR code (bottom right, inside the bottom margin, below every signature box) and the verification code on
 * every page. It is part of the rendered document, so each signature later covers it.
 */
export function drawVerificationMark(pages: readonly PDFPage[], font: PDFFont, mark: TVerificationMark): void {
  const { path, modules } = qrModulesPath(mark.url);
  const scale = QR_SIZE / modules;
  const left = A4.width - MARGIN.right - QR_SIZE;
  const label = `验证码 ${mark.code}`;
  const hint = '扫码或访问核验页面核对原件 / Scan to verify';
  for (const page of pages) {
    // drawSvgPath places the path's origin at (x, y) with y growing downwards, like SVG.
    page.drawSvgPath(path, { x: left, y: QR_BOTTOM + QR_SIZE, scale, color: COLOR.text, borderWidth: 0 });
    const labelWidth = font.widthOfTextAtSize(label, 8);
    page.drawText(label, { x: left - 6 - labelWidth, y: QR_BOTTOM + 20, size: 8, font, color: COLOR.text });
    const hintWidth = font.widthOfTextAtSize(hint, 6.5);
    page.drawText(hint, { x: left - 6 - hintWidth, y: QR_BOTTOM + 10, size: 6.5, font, color: COLOR.muted });
  }
}
