/** PAdES baseline levels (ETSI EN 319 142-1 §6). */
export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export const PADES_LEVELS: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

export const levelAtLeast = (level: PadesLevel, min: PadesLevel): boolean =>
  PADES_LEVELS.indexOf(level) >= PADES_LEVELS.indexOf(min);

/** PDF date string (ISO 32000-1 §7.9.4) in UTC. */
export function pdfDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}
