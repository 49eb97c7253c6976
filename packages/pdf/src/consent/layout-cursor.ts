import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { ConsentError } from './consent-error.js';
import { A4, COLOR, CONTENT_WIDTH, LEADING, MARGIN } from './page-geometry.js';
import { type TMeasure, wrapText } from './wrap-text.js';

/**
 * Top-down flow layout over A4 pages. `y` is the top of the next line in PDF user space; a page is added when the
 * next block would cross the page's bottom limit (the footer, or the signature zone on pages that hold signatures).
 */
export interface TLayoutCursor {
  readonly doc: PDFDocument;
  readonly font: PDFFont;
  readonly pages: PDFPage[];
  y: number;
  /** Lowest y content may reach on page `index`. */
  bottomLimit: (index: number) => number;
  /** Draws the running header of continuation pages and returns the y below it. */
  onNewPage: (page: PDFPage, index: number) => number;
}

export function currentPage(cursor: TLayoutCursor): PDFPage {
  return cursor.pages[cursor.pages.length - 1]!;
}

export function addPage(cursor: TLayoutCursor): PDFPage {
  const page = cursor.doc.addPage([A4.width, A4.height]);
  cursor.pages.push(page);
  cursor.y = cursor.onNewPage(page, cursor.pages.length - 1);
  return page;
}

const fits = (cursor: TLayoutCursor, height: number) =>
  cursor.y - height >= cursor.bottomLimit(cursor.pages.length - 1);

/**
 * Moves to a new page unless `height` more points fit on the current one. A page fully reserved by fixed
 * signature boxes is skipped once; a block that fits on no fresh page is a template error.
 */
export function ensureSpace(cursor: TLayoutCursor, height: number): void {
  for (let attempt = 0; !fits(cursor, height); attempt++) {
    if (attempt === 2)
      throw new ConsentError(
        'LAYOUT_FAILED',
        '版面无法容纳内容，请检查模板的签名区位置 / Content does not fit the page: check the signature rects',
      );
    addPage(cursor);
  }
}

export function measureWith(font: PDFFont, size: number): TMeasure {
  return (text) => font.widthOfTextAtSize(text, size);
}

/** Baseline below the top of a line box: half the extra leading plus the CJK ascent (≈ 0.88 em in Zen Hei). */
export function baselineOffset(size: number, leading = LEADING): number {
  return size * ((leading - 1) / 2 + 0.88);
}

export interface TFlowTextOptions {
  size: number;
  x?: number;
  width?: number;
  color?: RGB;
  leading?: number;
}

/** Wraps and draws text line by line, breaking pages between lines. Returns the number of lines drawn. */
export function flowText(cursor: TLayoutCursor, text: string, options: TFlowTextOptions): number {
  const { size, x = MARGIN.left, width = CONTENT_WIDTH, color = COLOR.text, leading = LEADING } = options;
  const lines = wrapText(text, width, measureWith(cursor.font, size));
  const pitch = size * leading;
  for (const line of lines) {
    ensureSpace(cursor, pitch);
    if (line !== '')
      currentPage(cursor).drawText(line, {
        x,
        y: cursor.y - baselineOffset(size, leading),
        size,
        font: cursor.font,
        color,
      });
    cursor.y -= pitch;
  }
  return lines.length;
}
