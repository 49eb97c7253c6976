import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { createVerifyThrottle } from './verify-throttle';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'NO_ERROR';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('verify throttle', () => {
  it('limits each address per minute and frees the budget after the window', () => {
    const th = createVerifyThrottle({ perMinute: 2, concurrent: 10 });
    th.acquire('a', 0)();
    th.acquire('a', 1)();
    expect(codeOf(() => th.acquire('a', 2))).toBe('RATE_LIMITED');
    expect(codeOf(() => th.acquire('b', 2))).toBe('NO_ERROR');
    expect(codeOf(() => th.acquire('a', 60_001))).toBe('NO_ERROR');
  });

  it('caps concurrent verifications and releases each slot once', () => {
    const th = createVerifyThrottle({ perMinute: 100, concurrent: 1 });
    const release = th.acquire('a', 0);
    expect(codeOf(() => th.acquire('b', 0))).toBe('RATE_LIMITED');
    release();
    release();
    const again = th.acquire('b', 0);
    expect(codeOf(() => th.acquire('c', 0))).toBe('RATE_LIMITED');
    again();
  });
});
