import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** A4 in PDF points (ISO 216: 210 × 297 mm). */
export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 48;
export const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const FOOTER = 36;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.4, 0.4, 0.45);
export const PASS = rgb(0.05, 0.45, 0.2);
export const FAIL = rgb(0.75, 0.1, 0.1);

/**
 * Top-down flow layout over pdf-lib pages: a cursor that wraps text (CJK per character, Latin words whole) and
 * starts a new A4 page when a block would run into the footer.
 */
export class ReportWriter {
  page: PDFPage;
  y: number;

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Makes room for a block of `height` points, on a new page if needed. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  heading(zh: string, en: string): void {
    this.ensure(44);
    this.y -= 14;
    this.page.drawText(`${zh}  ${en}`, { x: MARGIN, y: this.y - 13, size: 13, font: this.font, color: INK });
    this.y -= 19;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4[0] - MARGIN, y: this.y },
      thickness: 0.6,
      color: MUTED,
    });
    this.y -= 6;
  }

  /** Wrapped paragraph; `indent` shifts it right (for key/value continuation lines). */
  text(value: string, opts: { size?: number; color?: ReturnType<typeof rgb>; indent?: number } = {}): void {
    const size = opts.size ?? 9;
    const indent = opts.indent ?? 0;
    for (const line of wrapText(value, this.font, size, CONTENT_WIDTH - indent)) {
      this.ensure(size * 1.45);
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y - size,
        size,
        font: this.font,
        color: opts.color ?? INK,
      });
      this.y -= size * 1.45;
    }
  }

  /** "label: value": both wrapped in their columns (label 150 pt), rows kept together across a page break. */
  field(label: string, value: string, opts: { color?: ReturnType<typeof rgb> } = {}): void {
    const size = 9;
    const labelWidth = 150;
    const labels = wrapText(label, this.font, size, labelWidth - 8);
    const values = wrapText(value || '-', this.font, size, CONTENT_WIDTH - labelWidth);
    const rows = Math.max(labels.length, values.length);
    if (rows <= 6) this.ensure(rows * size * 1.45);
    for (let i = 0; i < rows; i++) {
      this.ensure(size * 1.45);
      const y = this.y - size;
      const l = labels[i];
      const v = values[i];
      if (l) this.page.drawText(l, { x: MARGIN, y, size, font: this.font, color: MUTED });
      if (v) this.page.drawText(v, { x: MARGIN + labelWidth, y, size, font: this.font, color: opts.color ?? INK });
      this.y -= size * 1.45;
    }
  }

  gap(points = 6): void {
    this.y -= points;
  }
}

/** Greedy line breaking: CJK characters break anywhere, Latin runs stay whole unless longer than a line. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[\u0021-\u007e]+|\s+|./gu) ?? [''];
    let line = '';
    for (const token of tokens) {
      if (font.widthOfTextAtSize(line + token, size) <= width) {
        line += token;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}
