import { ConsentError, type TConsentIssue } from './consent-error.js';
import type { TConsentField, TConsentFormData, TConsentTemplate } from './template-schema.js';

export interface TValidateConsentDataOptions {
  /** Report keys the template does not declare (off by default: one data object may serve several templates). */
  strict?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function checkField(field: TConsentField, raw: unknown): Omit<TConsentIssue, 'path'> | undefined {
  if (raw !== undefined && typeof raw !== 'string')
    return { code: 'invalid_type', message: '应为文本 / must be a string' };
  const value = raw?.trim() ?? '';
  if (value === '')
    return field.required
      ? { code: 'required', message: `请填写${field.label.zh} / ${field.label.en} is required` }
      : undefined;
  if (field.maxLength !== undefined && value.length > field.maxLength)
    return {
      code: 'too_long',
      message: `${field.label.zh}过长 / ${field.label.en} exceeds ${field.maxLength} characters`,
    };
  if (field.type === 'date' && !isRealDate(value))
    return { code: 'invalid_date', message: `${field.label.zh}应为 YYYY-MM-DD / ${field.label.en} must be YYYY-MM-DD` };
  if (field.type === 'select' && !field.options?.some((o) => o.value === value))
    return {
      code: 'invalid_option',
      message: `${field.label.zh}不是可选值 / ${field.label.en} is not an allowed option`,
    };
  if (field.type !== 'textarea' && /[\r\n]/.test(value))
    return { code: 'invalid_text', message: `${field.label.zh}不能换行 / ${field.label.en} must be one line` };
  return undefined;
}

/** Every problem in `data` against `template`, each with its field path (`[key]`). Empty means valid. */
export function collectConsentDataIssues(
  template: TConsentTemplate,
  data: unknown,
  options: TValidateConsentDataOptions = {},
): TConsentIssue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return [{ path: [], code: 'invalid_type', message: '表单数据应为对象 / form data must be an object' }];
  const record = data as Record<string, unknown>;
  const issues: TConsentIssue[] = [];
  for (const field of template.fields) {
    const issue = checkField(field, record[field.key]);
    if (issue) issues.push({ path: [field.key], ...issue });
  }
  if (options.strict) {
    const known = new Set(template.fields.map((f) => f.key));
    for (const key of Object.keys(record))
      if (!known.has(key))
        issues.push({ path: [key], code: 'unknown_field', message: `未知字段 / unknown field ${key}` });
  }
  return issues;
}

/** Returns the declared fields' trimmed values (empty ones dropped), or throws `INVALID_FORM_DATA` listing every failing field path. */
export function validateConsentData(
  template: TConsentTemplate,
  data: unknown,
  options: TValidateConsentDataOptions = {},
): TConsentFormData {
  const issues = collectConsentDataIssues(template, data, options);
  if (issues.length > 0) {
    const paths = issues.map((i) => i.path.join('.')).join(', ');
    throw new ConsentError(
      'INVALID_FORM_DATA',
      `表单数据有误，请检查：${paths} / Form data is invalid, check: ${paths}`,
      { issues },
    );
  }
  const record = data as Record<string, string | undefined>;
  const out: TConsentFormData = {};
  for (const { key } of template.fields) {
    const value = record[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}
