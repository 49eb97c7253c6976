import { describe, expect, it } from 'vitest';
import { clockOffsetFromDate } from './clock-offset';

describe('clockOffsetFromDate', () => {
  it('compares the server Date header with the request midpoint', () => {
    const sent = Date.parse('2026-11-22T03:00:00.000Z');
    expect(clockOffsetFromDate('Sun, 22 Nov 2026 03:00:10 GMT', sent, sent + 200)).toBe(10_400);
    expect(clockOffsetFromDate(null, sent, sent)).toBeUndefined();
    expect(clockOffsetFromDate('not a date', sent, sent)).toBeUndefined();
  });
});
