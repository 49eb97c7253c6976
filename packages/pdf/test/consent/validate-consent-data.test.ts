import { describe, expect, it } from 'vitest';
import {
  ConsentError,
  collectConsentDataIssues,
  findBuiltinTemplate,
  isConsentError,
  renderConsentPdf,
  validateConsentData,
} from '../../src/consent/index.js';
import { PdfError } from '../../src/errors.js';
import { SAMPLE_DATA } from './sample-data.js';

const surgery = findBuiltinTemplate('surgery-consent')!;
const good = SAMPLE_DATA['surgery-consent']!;

describe('validateConsentData', () => {
  it('accepts good data and returns the declared fields trimmed, without empty optionals', () => {
    const data = validateConsentData(surgery, { ...good, surgeon: '  李明  ', specialRisks: '   ', extra: 'x' });
    expect(data.surgeon).toBe('李明');
    expect(data).not.toHaveProperty('specialRisks');
    expect(data).not.toHaveProperty('extra');
  });

  it('throws INVALID_FORM_DATA listing every failing field path and reason', () => {
    const bad = {
      ...good,
      patientName: '',
      mrn: undefined,
      sex: 'unknown',
      procedureDate: '2026-02-30',
      age: '一二三四五六七八九十十一',
      surgeon: '李明\n王强',
    };
    let error: unknown;
    try {
      validateConsentData(surgery, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConsentError);
    expect(error).toBeInstanceOf(PdfError);
    const e = error as ConsentError;
    expect(e.consentCode).toBe('INVALID_FORM_DATA');
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['patientName', 'required'],
      ['sex', 'invalid_option'],
      ['age', 'too_long'],
      ['mrn', 'required'],
      ['procedureDate', 'invalid_date'],
      ['surgeon', 'invalid_text'],
    ]);
    expect(e.message).toContain('patientName');
    expect(e.message).toContain('procedureDate');
  });

  it('rejects non-string values and non-object data', () => {
    expect(collectConsentDataIssues(surgery, { ...good, bed: 12 }).map((i) => i.path)).toEqual([['bed']]);
    expect(collectConsentDataIssues(surgery, null)).toEqual([
      expect.objectContaining({ path: [], code: 'invalid_type' }),
    ]);
    expect(collectConsentDataIssues(surgery, ['x'])[0]?.code).toBe('invalid_type');
  });

  it('reports unknown keys only in strict mode', () => {
    expect(collectConsentDataIssues(surgery, { ...good, nickname: 'x' })).toEqual([]);
    expect(collectConsentDataIssues(surgery, { ...good, nickname: 'x' }, { strict: true })).toEqual([
      expect.objectContaining({ path: ['nickname'], code: 'unknown_field' }),
    ]);
  });

  it('makes renderConsentPdf reject bad data before rendering anything', async () => {
    const error = await renderConsentPdf(surgery, { ...good, diagnosis: '' }, { hospitalName: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(isConsentError(error, 'INVALID_FORM_DATA')).toBe(true);
    expect((error as ConsentError).issues.map((i) => i.path)).toEqual([['diagnosis']]);
  });
});
