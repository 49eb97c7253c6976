import type { PDFFont, PDFPage } from 'pdf-lib';
import { COLOR, SIGNATURE_ZONE_GAP, SIZE } from './page-geometry.js';
import type { TSignatureFieldDef } from './template-schema.js';

/** Lowest y flowing text may reach on a page holding these signature boxes (their labels sit above them). */
export function signatureZoneTop(fields: readonly TSignatureFieldDef[]): number {
  return Math.max(0, ...fields.map((f) => f.rect.y + f.rect.height)) + SIGNATURE_ZONE_GAP;
}

/** Empty signature box with its printed meaning above it (e.g. 患者本人签名 Patient). */
export function drawSignatureBox(page: PDFPage, font: PDFFont, field: TSignatureFieldDef): void {
  const { x, y, width, height } = field.rect;
  page.drawRectangle({ x, y, width, height, borderColor: COLOR.box, borderWidth: 0.8 });
  page.drawText(field.meaning.zh, { x, y: y + height + 5, size: SIZE.body, font, color: COLOR.text });
  const zhWidth = font.widthOfTextAtSize(field.meaning.zh, SIZE.body);
  // The English gloss is dropped rather than run into the neighbouring box's label.
  if (zhWidth + 6 + font.widthOfTextAtSize(field.meaning.en, SIZE.label) > width) return;
  page.drawText(field.meaning.en, {
    x: x + zhWidth + 6,
    y: y + height + 5,
    size: SIZE.label,
    font,
    color: COLOR.muted,
  });
}
