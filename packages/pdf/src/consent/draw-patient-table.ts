import { baselineOffset, currentPage, ensureSpace, measureWith, type TLayoutCursor } from './layout-cursor.js';
import { COLOR, CONTENT_WIDTH, MARGIN, SIZE } from './page-geometry.js';
import type { TConsentFormData, TConsentTemplate } from './template-schema.js';
import { wrapText } from './wrap-text.js';

const COLUMNS = 3;
const PAD = 4;
const PITCH = SIZE.table * 1.45;

interface TCell {
  text: string;
  span: number;
}

/** Packs `label：value` cells into rows of three; a cell that does not fit one column on one line takes a row. */
function packRows(cells: TCell[][], cell: string, fitsColumn: boolean): void {
  const last = cells[cells.length - 1];
  const used = last?.reduce((n, c) => n + c.span, 0) ?? COLUMNS;
  if (fitsColumn && used < COLUMNS) last!.push({ text: cell, span: 1 });
  else if (fitsColumn) cells.push([{ text: cell, span: 1 }]);
  else cells.push([{ text: cell, span: COLUMNS }]);
}

/** The patient information grid (fields of group `patient`, display values), with cell borders; rows never split. */
export function drawPatientTable(cursor: TLayoutCursor, template: TConsentTemplate, data: TConsentFormData): void {
  const fields = template.fields.filter((f) => f.group === 'patient');
  if (fields.length === 0) return;
  const measure = measureWith(cursor.font, SIZE.table);
  const colWidth = CONTENT_WIDTH / COLUMNS;
  const rows: TCell[][] = [];
  for (const f of fields) {
    const text = `${f.label.zh}：${data[f.key] ?? ''}`;
    packRows(rows, text, measure(text) <= colWidth - 2 * PAD);
  }
  for (const row of rows) {
    const wrapped = row.map((c) => wrapText(c.text, colWidth * c.span - 2 * PAD, measure));
    const height = Math.max(...wrapped.map((l) => l.length)) * PITCH + 2 * PAD;
    ensureSpace(cursor, height);
    const page = currentPage(cursor);
    let x = MARGIN.left;
    row.forEach((cell, i) => {
      const width = colWidth * cell.span;
      page.drawRectangle({
        x,
        y: cursor.y - height,
        width,
        height,
        borderColor: COLOR.rule,
        borderWidth: 0.6,
      });
      wrapped[i]!.forEach((line, k) => {
        const y = cursor.y - PAD - k * PITCH - baselineOffset(SIZE.table, 1.45);
        page.drawText(line, { x: x + PAD, y, size: SIZE.table, font: cursor.font, color: COLOR.text });
      });
      x += width;
    });
    // Close the row visually when it has fewer cells than columns.
    const used = row.reduce((n, c) => n + c.span, 0);
    if (used < COLUMNS)
      page.drawRectangle({
        x,
        y: cursor.y - height,
        width: colWidth * (COLUMNS - used),
        height,
        borderColor: COLOR.rule,
        borderWidth: 0.6,
      });
    cursor.y -= height;
  }
  cursor.y -= 10;
}
