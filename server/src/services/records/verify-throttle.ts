import { AppError } from '../../errors';

/**
 * Public verification costs real CPU (CMS, chains, revision diffs) and needs no login, so each client address gets a
 * per-minute budget and the whole process runs only a few verifications at once. In memory: a restart resets it.
 */
export interface VerifyThrottle {
  /** Throws RATE_LIMITED when over budget; otherwise returns the release function for the running slot. */
  acquire(address: string, now: number): () => void;
}

export function createVerifyThrottle(options: { perMinute?: number; concurrent?: number } = {}): VerifyThrottle {
  const perMinute = options.perMinute ?? 30;
  const concurrent = options.concurrent ?? 2;
  const hits = new Map<string, number[]>();
  let running = 0;
  return {
    acquire(address, now) {
      const recent = (hits.get(address) ?? []).filter((t) => now - t < 60_000);
      if (recent.length >= perMinute || running >= concurrent) {
        throw new AppError('RATE_LIMITED', '验证请求过多，请稍后再试 / Too many verifications, try again shortly');
      }
      recent.push(now);
      hits.set(address, recent);
      if (hits.size > 10_000) hits.delete(hits.keys().next().value as string);
      running += 1;
      let released = false;
      return () => {
        if (!released) running -= 1;
        released = true;
      };
    },
  };
}

const KEY = Symbol.for('inkproof.records.verifyThrottle');

/** One throttle per process (route handlers may be loaded as several module copies). */
export function processVerifyThrottle(): VerifyThrottle {
  const g = globalThis as unknown as Record<symbol, VerifyThrottle | undefined>;
  g[KEY] ??= createVerifyThrottle();
  return g[KEY];
}
