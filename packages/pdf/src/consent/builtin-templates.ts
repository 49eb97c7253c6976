import type { TConsentTemplate } from './template-schema.js';
import { anesthesiaConsentTemplate } from './templates/anesthesia-consent.js';
import { invasiveProcedureConsentTemplate } from './templates/invasive-procedure-consent.js';
import { powerOfAttorneyTemplate } from './templates/power-of-attorney.js';
import { surgeryConsentTemplate } from './templates/surgery-consent.js';
import { transfusionConsentTemplate } from './templates/transfusion-consent.js';

/** The zh-CN forms shipped with the product (seeded into the templates table), keyed order = menu order. */
export const builtinTemplates: readonly TConsentTemplate[] = [
  surgeryConsentTemplate,
  anesthesiaConsentTemplate,
  transfusionConsentTemplate,
  invasiveProcedureConsentTemplate,
  powerOfAttorneyTemplate,
];

/** A built-in template by key (latest version), or undefined. */
export function findBuiltinTemplate(key: string): TConsentTemplate | undefined {
  return builtinTemplates.filter((t) => t.key === key).sort((a, b) => b.version - a.version)[0];
}
