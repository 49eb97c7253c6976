import { describe, expect, it } from 'vitest';
import {
  builtinTemplates,
  CONSENT_TEMPLATE_FORMAT,
  findBuiltinTemplate,
  isConsentError,
  listPlaceholders,
  parseConsentTemplate,
  type TConsentTemplate,
  ZConsentTemplateSchema,
} from '../../src/consent/index.js';

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const clone = (t: TConsentTemplate): TConsentTemplate => structuredClone(t);

describe('builtinTemplates', () => {
  it('ships the five required zh-CN forms with English titles', () => {
    expect(builtinTemplates.map((t) => t.title.zh)).toEqual([
      '手术知情同意书',
      '麻醉知情同意书',
      '输血治疗知情同意书',
      '有创操作知情同意书',
      '授权委托书',
    ]);
    for (const t of builtinTemplates) expect(t.title.en).toMatch(/^[A-Z][A-Za-z ]+$/);
    expect(new Set(builtinTemplates.map((t) => `${t.key}@${t.version}`)).size).toBe(5);
    expect(findBuiltinTemplate('power-of-attorney')?.kind).toBe('power_of_attorney');
    expect(findBuiltinTemplate('nope')).toBeUndefined();
  });

  it.each(builtinTemplates.map((t) => [t.key, t] as const))('%s validates against the schema', (_key, t) => {
    const parsed = ZConsentTemplateSchema.safeParse(t);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(t.format).toBe(CONSENT_TEMPLATE_FORMAT);
  });

  it.each(builtinTemplates.map((t) => [t.key, t] as const))('%s has patient fields, a doctor and risks', (_key, t) => {
    const keys = t.fields.map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['patientName', 'sex', 'age', 'mrn', 'ward', 'bed', 'diagnosis']));
    expect(t.fields.some((f) => f.group === 'procedure' || f.group === 'signer')).toBe(true);
    expect(t.signers.some((s) => s.role === 'doctor' && s.required)).toBe(true);
    expect(t.signatureFields.some((f) => f.role === 'patient')).toBe(true);
    expect(t.sections.length).toBeGreaterThanOrEqual(2);
    expect(t.notices.length).toBeGreaterThan(0);
    // Every declared procedure field is used in the text, so nothing entered is silently dropped from the PDF.
    const used = new Set(listPlaceholders(t));
    for (const f of t.fields.filter((f) => f.group !== 'patient')) expect(used.has(f.key)).toBe(true);
  });

  it('informed-consent forms name risks and alternatives', () => {
    for (const t of builtinTemplates.filter((t) => t.kind === 'informed_consent')) {
      const ids = t.sections.map((s) => s.id);
      expect(ids).toContain('risks');
      expect(ids).toContain('alternatives');
      expect(t.signers.filter((s) => s.alternativeGroup === 'consenter').map((s) => s.role)).toEqual(
        expect.arrayContaining(['patient', 'guardian', 'agent']),
      );
    }
  });
});

describe('listPlaceholders', () => {
  it('lists placeholders in order of first use, once each', () => {
    const t = findBuiltinTemplate('surgery-consent')!;
    const list = listPlaceholders(t);
    expect(list.slice(0, 4)).toEqual(['patientName', 'diagnosis', 'ward', 'procedureDate']);
    expect(new Set(list).size).toBe(list.length);
  });
});

describe('parseConsentTemplate', () => {
  it('reports every broken cross-reference with its path', () => {
    const t = clone(findBuiltinTemplate('surgery-consent')!);
    t.fields.push({ ...t.fields[0]! }); // duplicate key
    t.sections[0]!.paragraphs.push('未声明的字段：{{doesNotExist}}');
    t.signatureFields.push({ ...t.signatureFields[0]! }); // duplicate field name sig_patient
    t.signatureFields.push({ ...t.signatureFields[0]!, name: 'sig_witness_2', role: 'witness' }); // no witness signer
    const error = catchError(() => parseConsentTemplate(t));
    expect(isConsentError(error, 'INVALID_TEMPLATE')).toBe(true);
    const paths = (error as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        `fields.${t.fields.length - 1}.key`,
        `sections.0.paragraphs.${t.sections[0]!.paragraphs.length - 1}`,
        `signatureFields.${t.signatureFields.length - 2}.name`,
        `signatureFields.${t.signatureFields.length - 1}.role`,
      ]),
    );
  });

  it('rejects an unknown format version', () => {
    const t = {
      ...findBuiltinTemplate('surgery-consent')!,
      format: 'application/vnd.inkproof.consent-template.v0+json',
    };
    const error = catchError(() => parseConsentTemplate(t));
    expect((error as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'))).toEqual([
      'format',
    ]);
  });

  it('rejects a comprehension answer that is not one of the options', () => {
    const t = clone(findBuiltinTemplate('surgery-consent')!);
    t.comprehension!.answer = 'missing';
    const error = catchError(() => parseConsentTemplate(t));
    expect((error as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'))).toEqual([
      'comprehension.answer',
    ]);
  });

  it('rejects a select field without options and a signature rect off the page', () => {
    const t = clone(findBuiltinTemplate('surgery-consent')!);
    const sex = t.fields.find((f) => f.key === 'sex')!;
    delete sex.options;
    t.signatureFields[0]!.rect = { x: 500, y: 800, width: 230, height: 56 };
    const error = catchError(() => parseConsentTemplate(t));
    const paths = (error as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([`fields.${t.fields.indexOf(sex)}.options`, 'signatureFields.0.rect']),
    );
  });
});
