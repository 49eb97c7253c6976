/**
 * Masks a resident ID number (GB 11643-1999, 18 characters) as 110105********1239: region code and last four
 * kept, birth date and sequence hidden. Anything else keeps at most its first and last two characters.
 */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (/^\d{17}[\dXx]$/.test(v)) return `${v.slice(0, 6)}${'*'.repeat(8)}${v.slice(14)}`;
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${v.slice(0, 2)}${'*'.repeat(v.length - 4)}${v.slice(-2)}`;
}

/** Field names under which OCR results carry the ID number (never printed unmasked). */
export function isIdNumberField(name: string): boolean {
  return /id.?(card.?)?(no|num|number)|公民身份号码|身份证号/i.test(name);
}

/** Any 18-character ID number inside free text, masked. */
export function maskIdNumbersIn(text: string): string {
  return text.replace(/(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) => maskIdNumber(m));
}
