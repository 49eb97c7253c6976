import { describe, expect, it } from 'vitest';
import { ReadingTracker } from './reading-tracker';

describe('ReadingTracker', () => {
  it('accumulates visible seconds per page and stamps first view and scroll-to-end', () => {
    let t = Date.parse('2026-11-22T03:00:00.000Z');
    const tracker = new ReadingTracker('d1', () => t);
    expect(tracker.visibility(0, true)).toBe(true);
    t += 4000;
    expect(tracker.visibility(1, true)).toBe(true);
    tracker.visibility(0, false);
    t += 2500;
    expect(tracker.visibility(0, true)).toBe(false);
    t += 1000;
    expect(tracker.markScrolledToEnd()).toBe(true);
    expect(tracker.markScrolledToEnd()).toBe(false);
    const record = tracker.toRecord({ noticesAccepted: [{ id: 'n1', at: '2026-11-22T03:00:07.000Z' }] });
    expect(record.pages).toEqual([
      { page: 0, firstShownAt: '2026-11-22T03:00:00.000Z', seconds: 5 },
      { page: 1, firstShownAt: '2026-11-22T03:00:04.000Z', seconds: 3.5 },
    ]);
    expect(record.scrolledToEnd).toBe(true);
    expect(record.scrolledToEndAt).toBe('2026-11-22T03:00:07.500Z');
    expect(tracker.elapsedSeconds()).toBe(7.5);
  });
});
