import { describe, expect, it } from 'vitest';
import { compareSignatures, computeEqualErrorRate, generateSyntheticWriterSet } from '../src/index';

describe('DTW comparison on a seeded synthetic writer set', () => {
  const set = generateSyntheticWriterSet({ seed: 20_261_122, writers: 6, genuinePerWriter: 4, forgeriesPerWriter: 3 });

  it('is deterministic for a seed', () => {
    const again = generateSyntheticWriterSet({
      seed: 20_261_122,
      writers: 1,
      genuinePerWriter: 1,
      forgeriesPerWriter: 0,
    });
    expect(again.writers[0]!.genuine[0]).toEqual(set.writers[0]!.genuine[0]);
  });

  it('scores a signature against itself as zero and is symmetric', () => {
    const [a, b] = set.writers[0]!.genuine;
    expect(compareSignatures(a!, a!)).toBe(0);
    expect(compareSignatures(a!, b!)).toBeCloseTo(compareSignatures(b!, a!), 9);
  });

  it('ranks every genuine below every skilled forgery of the same writer', () => {
    const genuineScores: number[] = [];
    const forgeryScores: number[] = [];
    for (const writer of set.writers) {
      const [reference, ...others] = writer.genuine;
      const g = others.map((o) => compareSignatures(reference!, o));
      const f = writer.forgeries.map((o) => compareSignatures(reference!, o));
      expect(Math.max(...g)).toBeLessThan(Math.min(...f));
      genuineScores.push(...g);
      forgeryScores.push(...f);
    }
    expect(computeEqualErrorRate(genuineScores, forgeryScores)).toBeLessThan(0.1);
  });

  it('computes the equal error rate of score lists', () => {
    expect(computeEqualErrorRate([1, 2, 3], [4, 5, 6])).toBe(0);
    expect(computeEqualErrorRate([1, 5], [2, 6])).toBe(0.5);
  });
});
