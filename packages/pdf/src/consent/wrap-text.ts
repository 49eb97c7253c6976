/** Measures the advance width of a string in points (e.g. `font.widthOfTextAtSize(s, size)`). */
export type TMeasure = (text: string) => number;

// Kinsoku shori (JIS X 4051 §5.1 / W3C "Requirements for Chinese Text Layout" §3.1.7): these must not start a line…
const NO_LINE_START = new Set([...'，。、；：！？）］｝」』】》〉”’…—·,.;:!?)]}%']);
// …and these must not end one.
const NO_LINE_END = new Set([...'（［｛「『【《〈“‘([{']);
/** Latin letters, digits and joiners stay together as one unbreakable word. */
const WORD_CHAR = /[A-Za-z0-9@#&_\-+./:%'’]/;

/** Splits text into break units: one unit per CJK character, whole Latin words (with their trailing spaces). */
export function splitBreakUnits(text: string): string[] {
  const units: string[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    let unit = chars[i]!;
    i++;
    if (WORD_CHAR.test(unit)) while (i < chars.length && WORD_CHAR.test(chars[i]!)) unit += chars[i++];
    while (i < chars.length && chars[i] === ' ') unit += chars[i++];
    units.push(unit);
  }
  // Glue forbidden line-start punctuation to the unit before it, forbidden line-end punctuation to the one after.
  const glued: string[] = [];
  for (const u of units) {
    const prev = glued[glued.length - 1];
    if (prev !== undefined && (NO_LINE_START.has(u[0]!) || NO_LINE_END.has([...prev].at(-1)!))) {
      glued[glued.length - 1] = prev + u;
    } else glued.push(u);
  }
  return glued;
}

function splitOversized(unit: string, maxWidth: number, measure: TMeasure): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of unit) {
    if (current !== '' && measure(current + ch) > maxWidth) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Greedy line breaking for mixed Chinese/Latin text. Hard newlines are kept; a unit wider than a whole line
 * (a long number or URL) is broken by character. Trailing spaces do not count against the width.
 */
export function wrapText(text: string, maxWidth: number, measure: TMeasure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const unit of splitBreakUnits(paragraph)) {
      const candidate = line + unit;
      if (measure(candidate.trimEnd()) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line.trimEnd());
      line = '';
      if (measure(unit.trimEnd()) <= maxWidth) line = unit;
      else {
        const parts = splitOversized(unit.trimEnd(), maxWidth, measure);
        lines.push(...parts.slice(0, -1));
        line = parts.at(-1) ?? '';
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
