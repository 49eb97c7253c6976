import type { TConsentFormData, TConsentTemplate } from './template-schema.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2026-11-05 → 2026年11月5日: the date style of GB/T 9704-2012 (full year, no zero padding of month and day). */
export function formatChineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * Form values as printed: select values become their zh-CN labels (e.g. `male` → 男), dates are written
 * 2026年11月25日, others are trimmed.
 */
export function displayValues(template: TConsentTemplate, data: TConsentFormData): TConsentFormData {
  const out: TConsentFormData = {};
  for (const field of template.fields) {
    const raw = data[field.key]?.trim();
    if (!raw) continue;
    if (field.type === 'select') out[field.key] = field.options?.find((o) => o.value === raw)?.label.zh ?? raw;
    else if (field.type === 'date') out[field.key] = formatChineseDate(raw);
    else out[field.key] = raw;
  }
  return out;
}
