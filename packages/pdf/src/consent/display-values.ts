import type { TConsentFormData, TConsentTemplate } from './template-schema.js';

/** Form values as printed: select values become their zh-CN labels (e.g. `male` → 男), others are trimmed. */
export function displayValues(template: TConsentTemplate, data: TConsentFormData): TConsentFormData {
  const out: TConsentFormData = {};
  for (const field of template.fields) {
    const raw = data[field.key]?.trim();
    if (!raw) continue;
    out[field.key] = field.type === 'select' ? (field.options?.find((o) => o.value === raw)?.label.zh ?? raw) : raw;
  }
  return out;
}
