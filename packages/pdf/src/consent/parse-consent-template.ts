import { ConsentError } from './consent-error.js';
import { type TConsentTemplate, ZConsentTemplateSchema } from './template-schema.js';

/** Parses a stored or submitted template; throws `INVALID_TEMPLATE` listing every failing path. */
export function parseConsentTemplate(input: unknown): TConsentTemplate {
  const result = ZConsentTemplateSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: i.code,
    message: i.message,
  }));
  const paths = issues.map((i) => i.path.join('.')).join(', ');
  throw new ConsentError('INVALID_TEMPLATE', `同意书模板无效：${paths} / Consent template is invalid: ${paths}`, {
    issues,
  });
}
