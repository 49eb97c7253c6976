import { currentPage, ensureSpace, flowText, type TLayoutCursor } from './layout-cursor.js';
import { fillPlaceholders } from './list-placeholders.js';
import { COLOR, CONTENT_WIDTH, LEADING, MARGIN, SIZE } from './page-geometry.js';
import type { TConsentFormData, TConsentTemplate } from './template-schema.js';

/** Two ideographic spaces: the customary first-line indent of Chinese paragraphs (GB/T 9704 §7.3.3 practice). */
const INDENT = '\u3000\u3000';
const CHECKBOX = 8;

function drawHeading(cursor: TLayoutCursor, zh: string, en: string): void {
  // Keep a heading together with the first body line.
  ensureSpace(cursor, SIZE.heading * LEADING + SIZE.body * LEADING);
  cursor.y -= 2;
  flowText(cursor, `${zh}  ${en}`, { size: SIZE.heading });
}

/** Section headings and paragraphs, placeholders filled from the form data. */
export function drawSections(cursor: TLayoutCursor, template: TConsentTemplate, data: TConsentFormData): void {
  for (const section of template.sections) {
    drawHeading(cursor, section.heading.zh, section.heading.en);
    for (const paragraph of section.paragraphs)
      flowText(cursor, INDENT + fillPlaceholders(paragraph, data), { size: SIZE.body });
    cursor.y -= 4;
  }
}

/** Notices the signer must accept, each with an empty tick box (ticked on screen, recorded as reading evidence). */
export function drawNotices(cursor: TLayoutCursor, template: TConsentTemplate, data: TConsentFormData): void {
  if (template.notices.length === 0) return;
  const heading =
    template.kind === 'power_of_attorney' ? ['委托人声明', 'Declarations'] : ['患方声明', 'Patient declarations'];
  drawHeading(cursor, heading[0]!, heading[1]!);
  const indent = CHECKBOX + 8;
  for (const notice of template.notices) {
    const pitch = SIZE.body * LEADING;
    ensureSpace(cursor, pitch);
    currentPage(cursor).drawRectangle({
      x: MARGIN.left + 1,
      y: cursor.y - (pitch + CHECKBOX) / 2,
      width: CHECKBOX,
      height: CHECKBOX,
      borderColor: COLOR.box,
      borderWidth: 0.7,
    });
    flowText(cursor, fillPlaceholders(notice.text, data), {
      size: SIZE.body,
      x: MARGIN.left + indent,
      width: CONTENT_WIDTH - indent,
    });
  }
  cursor.y -= 4;
}
