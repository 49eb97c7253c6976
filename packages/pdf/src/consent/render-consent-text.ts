import { displayValues } from './display-values.js';
import { fillPlaceholders } from './list-placeholders.js';
import type { TConsentFormData, TConsentTemplate } from './template-schema.js';

export interface TRenderConsentTextOptions {
  hospitalName?: string;
  /** Include the comprehension question (reading screen) — off for read-aloud of the printed form. */
  includeComprehension?: boolean;
}

/**
 * The same content as the PDF as plain zh-CN text (title, patient information, sections, notices,
 * signature meanings), one block per paragraph separated by blank lines — for the reading screen and read-aloud.
 * Data is not validated here; missing values read as a blank rule.
 */
export function renderConsentText(
  template: TConsentTemplate,
  data: TConsentFormData,
  options: TRenderConsentTextOptions = {},
): string {
  const values = displayValues(template, data);
  const blocks: string[] = [];
  if (options.hospitalName) blocks.push(options.hospitalName);
  blocks.push(template.title.zh);
  const patient = template.fields
    .filter((f) => f.group === 'patient')
    .map((f) => `${f.label.zh}：${values[f.key] ?? ''}`);
  if (patient.length > 0) blocks.push(patient.join('\n'));
  for (const section of template.sections) {
    blocks.push(section.heading.zh);
    for (const p of section.paragraphs) blocks.push(fillPlaceholders(p, values));
  }
  if (template.notices.length > 0)
    blocks.push(template.notices.map((n) => `□ ${fillPlaceholders(n.text, values)}`).join('\n'));
  if (options.includeComprehension && template.comprehension) {
    const q = template.comprehension;
    blocks.push(
      [q.question.zh, ...q.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o.label.zh}`)].join('\n'),
    );
  }
  blocks.push(template.signatureFields.map((f) => `${f.meaning.zh}：`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
