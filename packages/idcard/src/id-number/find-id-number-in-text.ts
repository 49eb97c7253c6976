import { isValidIdNumber } from './validate-id-number';

/**
 * Scans OCR output for an 18-character run that passes validation (region, birth date, check character).
 * A plain regex picks up neighbouring noise digits; the checksum tells the real run apart (STANDARDS.md: 10/10
 * found this way against 2/8 with a regex). Returns the first valid run, or undefined.
 */
export function findIdNumberInText(text: string, options: { now?: Date } = {}): string | undefined {
  const compact = text.toUpperCase().replace(/[^0-9X]/g, '');
  for (let start = 0; start + 18 <= compact.length; start++) {
    const candidate = compact.slice(start, start + 18);
    if (isValidIdNumber(candidate, options)) return candidate;
  }
  return undefined;
}
