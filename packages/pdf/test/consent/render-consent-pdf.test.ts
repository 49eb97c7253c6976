import { PDFDocument, PDFName, PDFNumber, PDFSignature } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinTemplates, isConsentError, renderConsentPdf, type TRenderedConsent } from '../../src/consent/index.js';
import { pdffonts, pdftotextPages, qpdfCheck, writeTempPdf } from './pdf-tools.js';
import { KEY_PHRASES, SAMPLE_DATA } from './sample-data.js';

const OPTIONS = {
  hospitalName: '示范市第一人民医院',
  documentId: 'ENV-2026-000123',
  createdAt: new Date('2026-11-22T08:00:00Z'),
};

const rendered = new Map<string, { result: TRenderedConsent; path: string }>();

beforeAll(async () => {
  for (const template of builtinTemplates) {
    const result = await renderConsentPdf(template, SAMPLE_DATA[template.key], OPTIONS);
    rendered.set(template.key, { result, path: writeTempPdf(result.pdf) });
  }
});

describe.each(builtinTemplates.map((t) => [t.key, t] as const))('renderConsentPdf(%s)', (key, template) => {
  const get = () => rendered.get(key)!;

  it('embeds one subset TrueType CJK font with a ToUnicode map (pdffonts)', () => {
    const fonts = pdffonts(get().path);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatchObject({ type: 'CID TrueType', embedded: true, subset: true, unicode: true });
    expect(fonts[0]!.name).toMatch(/^[A-Z]{6}\+WenQuanYiZenHei$/);
    // A subset, not the 11 MB face.
    expect(get().result.pdf.byteLength).toBeLessThan(200_000);
  });

  it('extracts the Chinese text correctly (pdftotext)', () => {
    const pages = pdftotextPages(get().path);
    const all = pages.join('');
    expect(pages).toHaveLength(get().result.pageCount);
    expect(pages[0]).toContain(template.title.zh);
    expect(pages[0]).toContain('示范市第一人民医院');
    expect(all).toContain('王秀英');
    expect(all).toContain('住院号：ZY2026004417');
    expect(all).toContain('性别：女');
    for (const phrase of KEY_PHRASES[key]!) expect(all).toContain(phrase.replace(/\s+/g, ''));
    pages.forEach((p, i) => {
      expect(p).toContain(`第${i + 1}页/共${pages.length}页`);
    });
    for (const f of template.signatureFields) expect(pages.at(-1)).toContain(f.meaning.zh);
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(get().path);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.ok).toBe(true);
  });

  it('has an unsigned /Sig AcroForm field per role at the returned page and rect', async () => {
    const { result } = get();
    const doc = await PDFDocument.load(result.pdf);
    const form = doc.getForm();
    const names = form.getFields().map((f) => f.getName());
    expect(names.sort()).toEqual(result.signatureFields.map((f) => f.name).sort());
    expect(result.signatureFields.map((f) => f.role).sort()).toEqual(
      template.signatureFields.map((f) => f.role).sort(),
    );
    expect(doc.catalog.getAcroForm()?.dict.get(PDFName.of('SigFlags'))).toEqual(PDFNumber.of(1));
    const pages = doc.getPages();
    for (const field of result.signatureFields) {
      expect(field.name).toBe(`sig_${field.role}`);
      const sig = form.getSignature(field.name);
      expect(sig).toBeInstanceOf(PDFSignature);
      const [widget] = sig.acroField.getWidgets();
      expect(widget!.P()).toBe(pages[field.page]!.ref);
      expect(widget!.getRectangle()).toEqual(field.rect);
      expect(field.page).toBe(result.pageCount - 1);
      expect(sig.acroField.dict.get(PDFName.of('V'))).toBeUndefined();
      expect(widget!.getNormalAppearance()).toBeDefined();
    }
  });
});

describe('renderConsentPdf output', () => {
  it('reports no missing characters for the built-in forms', () => {
    for (const { result } of rendered.values()) expect(result.missingCharacters).toEqual([]);
  });

  it('reports a patient-name character the font lacks, or rejects it on request', async () => {
    const t = builtinTemplates[0]!;
    const data = { ...SAMPLE_DATA[t.key], patientName: '吉𠮷' }; // U+20BB7 (CJK Ext. B) is not in Zen Hei
    const result = await renderConsentPdf(t, data, OPTIONS);
    expect(result.missingCharacters).toEqual(['𠮷']);
    const error = await renderConsentPdf(t, data, { ...OPTIONS, rejectMissingCharacters: true }).catch(
      (e: unknown) => e,
    );
    expect(isConsentError(error, 'UNSUPPORTED_CHARACTERS')).toBe(true);
  });

  it('prints dates in Chinese style', () => {
    const text = pdftotextPages(rendered.get('surgery-consent')!.path).join('');
    expect(text).toContain('拟于2026年11月25日在全身麻醉下行');
  });

  it('is byte-identical for identical input and createdAt (reproducible)', async () => {
    const t = builtinTemplates[0]!;
    const again = await renderConsentPdf(t, SAMPLE_DATA[t.key], OPTIONS);
    expect(Buffer.from(again.pdf).equals(Buffer.from(rendered.get(t.key)!.result.pdf))).toBe(true);
  });

  it('gives the same bytes when forms render concurrently (the parsed font is shared)', async () => {
    const results = await Promise.all(builtinTemplates.map((t) => renderConsentPdf(t, SAMPLE_DATA[t.key], OPTIONS)));
    results.forEach((r, i) => {
      const sequential = rendered.get(builtinTemplates[i]!.key)!.result.pdf;
      expect(Buffer.from(r.pdf).equals(Buffer.from(sequential))).toBe(true);
    });
  });

  it('renders a template that went through JSON storage (templates table) identically', async () => {
    const t = builtinTemplates[1]!;
    const stored = JSON.parse(JSON.stringify(t));
    const r = await renderConsentPdf(stored, SAMPLE_DATA[t.key], OPTIONS);
    expect(Buffer.from(r.pdf).equals(Buffer.from(rendered.get(t.key)!.result.pdf))).toBe(true);
  });

  it('marks a page holding only signature boxes as the signature page of its document', () => {
    const notePages = builtinTemplates.flatMap((t) => {
      const last = pdftotextPages(rendered.get(t.key)!.path).at(-1)!;
      const note = `本页为《${t.title.zh}》签字页`;
      if (!last.includes(note)) return [];
      let rest = last.replace(/本页为《.*?》签字页，与前\d+页共同构成完整文书。/, '');
      rest = rest.replace(`${OPTIONS.hospitalName}·${t.title.zh}${OPTIONS.documentId}`, '');
      rest = rest.replace(/第\d+页\/共\d+页/, '');
      for (const f of t.signatureFields)
        rest = rest.replace(f.meaning.zh, '').replace(f.meaning.en.replace(/\s/g, ''), '');
      expect(rest).toBe('');
      return [t.key];
    });
    expect(notePages).toContain('transfusion-consent');
    expect(notePages).not.toContain('surgery-consent');
  });

  it('writes title, language and creation date into the document', async () => {
    const doc = await PDFDocument.load(rendered.get('surgery-consent')!.result.pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('手术知情同意书');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-22T08:00:00.000Z');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('zh-CN');
  });
});
