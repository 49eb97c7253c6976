import type { PDFFont, PDFPage } from 'pdf-lib';
import { A4, COLOR, FOOTER_BASELINE, MARGIN, SIZE } from './page-geometry.js';
import type { TConsentTemplate } from './template-schema.js';

export interface THeaderInfo {
  hospitalName: string;
  documentId?: string;
}

function drawCentered(page: PDFPage, font: PDFFont, text: string, size: number, y: number, color = COLOR.text): void {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (A4.width - width) / 2, y, size, font, color });
}

/** First-page header: hospital, zh title, en title, template version and document id. Returns the y below it. */
export function drawFirstPageHeader(
  page: PDFPage,
  font: PDFFont,
  template: TConsentTemplate,
  info: THeaderInfo,
): number {
  let y = A4.height - MARGIN.top;
  if (info.hospitalName) {
    y -= SIZE.hospital;
    drawCentered(page, font, info.hospitalName, SIZE.hospital, y);
    y -= 10;
  }
  y -= SIZE.title;
  drawCentered(page, font, template.title.zh, SIZE.title, y);
  y -= SIZE.titleEn + 6;
  drawCentered(page, font, template.title.en, SIZE.titleEn, y, COLOR.muted);
  y -= SIZE.meta + 8;
  const meta = `模板 Template ${template.key} v${template.version}`;
  page.drawText(meta, { x: MARGIN.left, y, size: SIZE.meta, font, color: COLOR.muted });
  if (info.documentId) {
    const id = `文书编号 No. ${info.documentId}`;
    const w = font.widthOfTextAtSize(id, SIZE.meta);
    page.drawText(id, { x: A4.width - MARGIN.right - w, y, size: SIZE.meta, font, color: COLOR.muted });
  }
  y -= 5;
  page.drawLine({
    start: { x: MARGIN.left, y },
    end: { x: A4.width - MARGIN.right, y },
    thickness: 0.8,
    color: COLOR.rule,
  });
  return y - 10;
}

/** Running header on continuation pages: hospital · title, and a rule. Returns the y below it. */
export function drawContinuationHeader(
  page: PDFPage,
  font: PDFFont,
  template: TConsentTemplate,
  info: THeaderInfo,
): number {
  const y = A4.height - MARGIN.top + 10 - SIZE.meta;
  const text = [info.hospitalName, template.title.zh].filter(Boolean).join(' · ');
  page.drawText(text, { x: MARGIN.left, y, size: SIZE.meta, font, color: COLOR.muted });
  if (info.documentId) {
    const w = font.widthOfTextAtSize(info.documentId, SIZE.meta);
    page.drawText(info.documentId, { x: A4.width - MARGIN.right - w, y, size: SIZE.meta, font, color: COLOR.muted });
  }
  page.drawLine({
    start: { x: MARGIN.left, y: y - 5 },
    end: { x: A4.width - MARGIN.right, y: y - 5 },
    thickness: 0.5,
    color: COLOR.rule,
  });
  return y - 18;
}

/** 第 N 页 / 共 M 页 on every page (drawn last, when M is known). */
export function drawPageNumbers(pages: readonly PDFPage[], font: PDFFont): void {
  pages.forEach((page, i) => {
    drawCentered(page, font, `第 ${i + 1} 页 / 共 ${pages.length} 页`, SIZE.footer, FOOTER_BASELINE, COLOR.muted);
  });
}
