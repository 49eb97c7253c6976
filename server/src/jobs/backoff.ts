export interface BackoffOptions {
  /** Delay after the first failure (default 5 s). */
  baseMs?: number;
  /** Upper bound (default 1 h). */
  maxMs?: number;
  /** Random source in [0, 1) for jitter; pass `() => 0.5` for determinism. */
  random?: () => number;
}

/**
 * Delay before retry number `attempts` (1 = after the first failure): exponential, capped, with "equal jitter" — half
 * fixed, half random — so many jobs failing together (TSA outage) do not retry in lockstep.
 */
export function computeBackoff(attempts: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 5000;
  const max = options.maxMs ?? 3_600_000;
  const random = options.random ?? Math.random;
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
