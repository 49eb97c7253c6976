/** GB 11643-1999 §5.2 weights W_i = 2^(17-i) mod 11 for positions 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999 §5.2 ISO 7064 MOD 11-2: check character indexed by the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';

/** Check character for the first 17 digits of a citizen ID number; `undefined` if they are not 17 digits. */
export function computeCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11];
}
