/**
 * Login throttling: at most `maxFailures` failed attempts per (username, client address) within `windowMs`.
 * Kept in memory: a restart or another instance resets it, which only ever loosens the limit for one window.
 */
export interface LoginLimiter {
  isBlocked(key: string, now: number): boolean;
  recordFailure(key: string, now: number): void;
  reset(key: string): void;
}

export function createLoginLimiter(maxFailures = 5, windowMs = 5 * 60_000): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    isBlocked(key, now) {
      return recent(key, now).length >= maxFailures;
    },
    recordFailure(key, now) {
      const list = recent(key, now);
      list.push(now);
      failures.set(key, list);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
