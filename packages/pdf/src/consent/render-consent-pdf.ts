import { PDFDocument } from 'pdf-lib';
import { addSignatureFields } from './add-signature-fields.js';
import { cachedFontkit, readPostscriptName } from './cached-fontkit.js';
import { ConsentError } from './consent-error.js';
import { displayValues } from './display-values.js';
import { drawNotices, drawSections } from './draw-body.js';
import { drawContinuationHeader, drawFirstPageHeader, drawPageNumbers } from './draw-header.js';
import { drawPatientTable } from './draw-patient-table.js';
import { drawSignatureBox, signatureZoneTop } from './draw-signature-area.js';
import { drawVerificationMark, type TVerificationMark } from './draw-verification-mark.js';
import { collectDrawnText, findMissingCharacters } from './find-missing-characters.js';
import { addPage, flowText, type TLayoutCursor } from './layout-cursor.js';
import { cjkFaceFromBytes, loadCjkFont } from './load-cjk-font.js';
import { COLOR, MARGIN, SIZE } from './page-geometry.js';
import { parseConsentTemplate } from './parse-consent-template.js';
import { tagFontSubset } from './tag-font-subset.js';
import {
  signatureFieldName,
  type TConsentSignerRole,
  type TConsentTemplate,
  type TPdfRect,
  type TSignatureFieldDef,
} from './template-schema.js';
import { validateConsentData } from './validate-consent-data.js';

export interface TRenderConsentOptions {
  /** Printed at the top of the first page and in the running header. */
  hospitalName: string;
  /** Envelope/document number printed in the header and stored in the PDF keywords. */
  documentId?: string;
  /** CJK TrueType font (`.ttc` face 0 or `.ttf`); defaults to WenQuanYi Zen Hei. Ignored when `fontBytes` is set. */
  fontPath?: string;
  /** Font bytes supplied by the caller (`.ttc` or `.ttf`). */
  fontBytes?: Uint8Array;
  /** QR code + short verification code printed on every page (covered by every later signature). */
  verification?: TVerificationMark;
  /** Creation date written to the document info (defaults to now); fixing it makes output reproducible. */
  createdAt?: Date;
  /** Throw `UNSUPPORTED_CHARACTERS` instead of rendering when the font lacks a glyph (default: report only). */
  rejectMissingCharacters?: boolean;
}

export interface TRenderedSignatureField {
  /** AcroForm field name, e.g. `sig_patient`. */
  name: string;
  role: TConsentSignerRole;
  meaning: { zh: string; en: string };
  /** Resolved 0-based page index. */
  page: number;
  rect: TPdfRect;
}

export interface TRenderedConsent {
  pdf: Uint8Array;
  pageCount: number;
  signatureFields: TRenderedSignatureField[];
  /** Characters the font cannot show (printed as empty boxes); the caller should warn before sending. */
  missingCharacters: string[];
}

function resolvePage(field: TSignatureFieldDef, lastIndex: number): number {
  return field.page === 'last' ? lastIndex : Math.min(field.page, lastIndex);
}

/**
 * Renders a template + form data to an A4 PDF: header, patient table, wrapped body, notices, empty signature
 * boxes with unsigned /Sig fields, 第 N 页 / 共 M 页. The CJK font is embedded as a TrueType subset.
 * Throws `ConsentError`: INVALID_TEMPLATE, INVALID_FORM_DATA (every failing path), FONT_NOT_FOUND, FONT_INVALID,
 * LAYOUT_FAILED, UNSUPPORTED_CHARACTERS (only with `rejectMissingCharacters`).
 */
export async function renderConsentPdf(
  templateInput: TConsentTemplate,
  dataInput: unknown,
  options: TRenderConsentOptions,
): Promise<TRenderedConsent> {
  const template = parseConsentTemplate(templateInput);
  const formData = validateConsentData(template, dataInput);
  const data = displayValues(template, formData);
  const fontBytes = options.fontBytes ? cjkFaceFromBytes(options.fontBytes) : await loadCjkFont(options.fontPath);
  const missingCharacters = findMissingCharacters(
    collectDrawnText(template, formData, [
      options.hospitalName,
      options.documentId ?? '',
      options.verification?.code ?? '',
    ]),
    (cp) => cachedFontkit.create(fontBytes).hasGlyphForCodePoint(cp),
  );
  if (missingCharacters.length > 0 && options.rejectMissingCharacters)
    throw new ConsentError(
      'UNSUPPORTED_CHARACTERS',
      `字体缺少以下字符：${missingCharacters.join(' ')}，请更换字体或修改内容 / The font cannot show: ${missingCharacters.join(' ')}; use another font or change the text`,
    );

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachedFontkit);
  let font: Awaited<ReturnType<typeof doc.embedFont>>;
  let postscriptName: string;
  try {
    // A fixed custom name avoids pdf-lib's random suffix; tagFontSubset gives the final subset name.
    font = await doc.embedFont(fontBytes, { subset: true, customName: 'CJK' });
    postscriptName = readPostscriptName(fontBytes);
  } catch (cause) {
    throw new ConsentError('FONT_INVALID', '字体无法嵌入 / The font cannot be embedded', { cause });
  }

  const header = { hospitalName: options.hospitalName, documentId: options.documentId };
  const fixed = template.signatureFields.filter((f) => f.page !== 'last');
  const cursor: TLayoutCursor = {
    doc,
    font,
    pages: [],
    y: 0,
    bottomLimit: (index) => Math.max(MARGIN.bottom, signatureZoneTop(fixed.filter((f) => f.page === index))),
    onNewPage: (page, index) =>
      index === 0
        ? drawFirstPageHeader(page, font, template, header)
        : drawContinuationHeader(page, font, template, header),
  };
  addPage(cursor);
  drawPatientTable(cursor, template, data);
  drawSections(cursor, template, data);
  drawNotices(cursor, template, data);

  // The last page must leave room for every box that lands on it; otherwise the boxes get a page of their own.
  const onLast = (last: number) => template.signatureFields.filter((f) => resolvePage(f, last) === last);
  if (cursor.y < signatureZoneTop(onLast(cursor.pages.length - 1))) {
    addPage(cursor);
    // A page with nothing but signatures says which document it belongs to.
    const note = `本页为《${template.title.zh}》签字页，与前${cursor.pages.length - 1}页共同构成完整文书。`;
    flowText(cursor, note, { size: SIZE.body, color: COLOR.muted });
  }
  const lastIndex = cursor.pages.length - 1;
  if (cursor.y < signatureZoneTop(onLast(lastIndex)))
    throw new ConsentError('LAYOUT_FAILED', '签名区高于页面内容区 / Signature rects overlap the page header');

  const signatureFields = template.signatureFields.map((f) => ({
    name: signatureFieldName(f),
    role: f.role,
    meaning: f.meaning,
    page: resolvePage(f, lastIndex),
    rect: f.rect,
  }));
  for (const [i, f] of signatureFields.entries())
    drawSignatureBox(cursor.pages[f.page]!, font, template.signatureFields[i]!);
  addSignatureFields(
    doc,
    signatureFields.map((f) => ({ name: f.name, tooltip: f.meaning.zh, page: cursor.pages[f.page]!, rect: f.rect })),
  );
  drawPageNumbers(cursor.pages, font);
  if (options.verification) drawVerificationMark(cursor.pages, font, options.verification);

  const created = options.createdAt ?? new Date();
  doc.setTitle(template.title.zh, { showInWindowTitleBar: true });
  doc.setSubject(template.title.en);
  if (options.hospitalName) doc.setAuthor(options.hospitalName);
  doc.setKeywords([`${template.key}@${template.version}`, ...(options.documentId ? [options.documentId] : [])]);
  doc.setCreator('inkproof');
  doc.setProducer('inkproof consent renderer (pdf-lib)');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.setLanguage('zh-CN');
  await tagFontSubset(doc, font, postscriptName || 'CJKFont');
  // Classic xref table (no object streams) keeps later incremental updates simple; no field appearances are
  // generated because that would embed a Latin-only default font.
  const pdf = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { pdf, pageCount: cursor.pages.length, signatureFields, missingCharacters };
}
