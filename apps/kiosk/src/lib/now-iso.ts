/** Wall-clock time for the evidence timeline. */
export const nowIso = (): string => new Date().toISOString();
