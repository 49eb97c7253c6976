import type { TConsentTemplate } from './template-schema.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholder keys in one text, in order of first appearance. */
export function listTextPlaceholders(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1]!);
  return [...seen];
}

/** Every `{{field}}` used by a template's sections and notices, in order of first appearance. */
export function listPlaceholders(template: Pick<TConsentTemplate, 'sections' | 'notices'>): string[] {
  const texts = [...template.sections.flatMap((s) => s.paragraphs), ...template.notices.map((n) => n.text)];
  return [...new Set(texts.flatMap(listTextPlaceholders))];
}

/**
 * Replaces placeholders with form values. A missing value becomes a blank rule so the printed form
 * can still be completed by hand.
 */
export function fillPlaceholders(text: string, data: Readonly<Record<string, string | undefined>>): string {
  return text.replace(PLACEHOLDER, (_all, key: string) => {
    const value = data[key]?.trim();
    return value ? value : '________';
  });
}
