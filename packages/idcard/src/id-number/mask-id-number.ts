/**
 * Masks an ID number for display and logs: region code (6) and last four kept, the birth date and the rest of
 * the sequence hidden — `110105********1239`. Anything that is not 18 characters is masked entirely.
 */
export function maskIdNumber(value: string): string {
  const trimmed = value.trim().toUpperCase();
  if (trimmed.length !== 18) return '*'.repeat(trimmed.length);
  return `${trimmed.slice(0, 6)}${'*'.repeat(8)}${trimmed.slice(14)}`;
}
