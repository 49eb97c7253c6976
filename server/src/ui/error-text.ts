import type { Lang } from '../i18n/messages';
import { translate } from '../i18n/messages';

/** A readable message for a failed call: 403 gets the role explanation, validation errors list their fields. */
export function errorText(error: unknown, lang: Lang): string {
  const e = error as { data?: { httpStatus?: number; fields?: { path: string; message: string }[] }; message?: string };
  if (e?.data?.httpStatus === 403) return translate(lang, 'error.forbidden');
  const fields = e?.data?.fields;
  if (fields?.length) return `${e.message ?? ''} ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`.trim();
  return e?.message || translate(lang, 'error.generic');
}
