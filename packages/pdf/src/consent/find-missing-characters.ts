import { displayValues } from './display-values.js';
import type { TConsentFormData, TConsentTemplate } from './template-schema.js';

/** Anything a reader can see: whitespace and controls are never looked up in the font. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;

/** Every string the renderer will draw for this template, data and header. */
export function collectDrawnText(template: TConsentTemplate, data: TConsentFormData, header: string[]): string {
  const values = displayValues(template, data);
  return [
    ...header,
    template.title.zh,
    template.title.en,
    ...template.fields.map((f) => f.label.zh),
    ...template.sections.flatMap((s) => [s.heading.zh, s.heading.en, ...s.paragraphs]),
    ...template.notices.map((n) => n.text),
    ...template.signatureFields.flatMap((f) => [f.meaning.zh, f.meaning.en]),
    ...Object.values(values),
  ].join('');
}

/**
 * Characters the font has no glyph for, in order of first appearance — e.g. a rare character in a patient's
 * name outside the font's CJK coverage (Zen Hei has no CJK Extension B). They would print as empty boxes.
 */
export function findMissingCharacters(text: string, hasGlyph: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const ch of new Set(text)) if (!INVISIBLE.test(ch) && !hasGlyph(ch.codePointAt(0)!)) missing.add(ch);
  return [...missing];
}
