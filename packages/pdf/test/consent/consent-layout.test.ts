import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  findBuiltinTemplate,
  isConsentError,
  renderConsentPdf,
  renderConsentText,
  type TConsentTemplate,
} from '../../src/consent/index.js';
import { pdftotextPages, pdfWordBoxes, qpdfCheck, writeTempPdf } from './pdf-tools.js';
import { SAMPLE_DATA } from './sample-data.js';

const surgery = findBuiltinTemplate('surgery-consent')!;
const data = SAMPLE_DATA['surgery-consent']!;
const RISK = '术后可能出现吻合口瘘，需要禁食、引流，必要时再次手术或行临时性造口。';

/** The surgery form with the risk section repeated until the body runs over several pages. */
function longTemplate(repeat: number): TConsentTemplate {
  const t = structuredClone(surgery);
  t.sections[1]!.paragraphs.push(...Array.from({ length: repeat }, (_, i) => `${11 + i}. ${RISK}`));
  return t;
}

describe('multi-page layout', () => {
  it('flows overflowing text onto new pages and puts the signature fields on the last page', async () => {
    const result = await renderConsentPdf(longTemplate(80), data, { hospitalName: '示范医院' });
    expect(result.pageCount).toBeGreaterThanOrEqual(3);
    for (const f of result.signatureFields) expect(f.page).toBe(result.pageCount - 1);

    const path = writeTempPdf(result.pdf);
    expect(qpdfCheck(path).ok).toBe(true);
    const pages = pdftotextPages(path);
    expect(pages).toHaveLength(result.pageCount);
    pages.forEach((p, i) => {
      expect(p).toContain(`第${i + 1}页/共${result.pageCount}页`);
    });
    // Continuation pages carry the running header; the last risk item and the declarations survive.
    expect(pages[1]).toContain('示范医院·手术知情同意书');
    expect(pages.join('')).toContain(`90.${RISK}`);
    expect(pages.at(-1)).toContain('患者本人签名');
    expect(pages[0]).not.toContain('患者本人签名');

    const doc = await PDFDocument.load(result.pdf);
    const last = doc.getPages().at(-1)!;
    const sig = doc.getForm().getSignature('sig_patient');
    expect(sig.acroField.getWidgets()[0]!.P()).toBe(last.ref);
  });

  it('never lets text run into a signature box, whatever the body length', async () => {
    // Steps of 8 one-line items (≈ 135 pt) are finer than the signature zone (≈ 220 pt), so one lands inside it.
    const lengths = [0, 8, 16, 24, 32, 40];
    const pageCounts: number[] = [];
    for (const n of lengths) {
      const result = await renderConsentPdf(longTemplate(n), data, { hospitalName: '示范医院' });
      pageCounts.push(result.pageCount);
      const words = pdfWordBoxes(writeTempPdf(result.pdf));
      for (const f of result.signatureFields) {
        const { x, y, width, height } = f.rect;
        const inside = words.filter(
          (w) => w.page === f.page && w.xMax > x && w.xMin < x + width && w.yMax > y && w.yMin < y + height,
        );
        expect(inside.map((w) => w.text)).toEqual([]);
      }
    }
    expect(pageCounts).toEqual([...pageCounts].sort((a, b) => a - b));
    expect(pageCounts.at(-1)).toBeGreaterThan(pageCounts[0]!);
  });

  it('resolves fixed page anchors, clamping past-the-end pages to the last page', async () => {
    const t = structuredClone(surgery);
    t.signatureFields[0]!.page = 0;
    t.signatureFields[1]!.page = 7;
    const result = await renderConsentPdf(t, data, { hospitalName: '示范医院' });
    const byName = Object.fromEntries(result.signatureFields.map((f) => [f.name, f.page]));
    expect(byName.sig_patient).toBe(0);
    expect(byName.sig_guardian).toBe(result.pageCount - 1);
    expect(result.pageCount).toBeGreaterThan(1);
  });

  it('fails with LAYOUT_FAILED when a signature box sits where the header is', async () => {
    const t = structuredClone(surgery);
    t.signatureFields[0]!.rect = { x: 56, y: 700, width: 230, height: 56 };
    const error = await renderConsentPdf(t, data, { hospitalName: '示范医院' }).catch((e: unknown) => e);
    expect(isConsentError(error, 'LAYOUT_FAILED')).toBe(true);
  });
});

describe('renderConsentText', () => {
  it('renders the same content as plain text, selects as zh labels and blanks as rules', () => {
    const text = renderConsentText(
      surgery,
      { ...data, specialRisks: '' },
      { hospitalName: '示范医院', includeComprehension: true },
    );
    expect(text.startsWith('示范医院\n\n手术知情同意书\n\n')).toBe(true);
    expect(text).toContain('姓名：王秀英\n性别：女');
    expect(text).toContain('拟于2026年11月25日在全身麻醉下行“腹腔镜乙状结肠癌根治术”');
    expect(text).toContain('针对本患者的特殊风险：________');
    expect(text).toContain('□ 我已如实提供病史及相关信息，未有隐瞒。');
    expect(text).toContain('A. 术中、术后出血');
    expect(text).toContain('谈话医师签名：');
    expect(text).not.toContain('{{');
  });
});
