import { describe, expect, it } from 'vitest';
import { voteName } from '../src/ocr/vote-name';

const reading = (name: string | null, confidence: number) => ({ name, confidence });

describe('voteName', () => {
  it('takes the character most readings agree on, weighted by confidence', () => {
    const voted = voteName([
      reading('吴嘉总', 0.9),
      reading('吴嘉怡', 0.8),
      reading('吴嘉怡', 0.7),
      reading('吴嘉恰', 0.9),
    ]);
    expect(voted.name).toBe('吴嘉怡');
  });

  it('puts together a name no single reading got right', () => {
    const voted = voteName([reading('龚敏起', 0.9), reading('裴敏霞', 0.8), reading('龚丽霞', 0.7)]);
    expect(voted.name).toBe('龚敏霞');
    expect(voted.confidence).toBeLessThan(0.8);
  });

  it('lets only readings with a common surname and a typical length vote when there are such', () => {
    expect(voteName([reading('印丽梅', 0.95), reading('印丽梅', 0.9), reading('邱丽梅', 0.6)]).name).toBe('邱丽梅');
    expect(voteName([reading('罗人金浩', 0.95), reading('罗金浩', 0.7)]).name).toBe('罗金浩');
    // With no plausible reading, the rest still vote.
    expect(voteName([reading('印丽梅', 0.95), reading('印丽海', 0.5)]).name).toBe('印丽梅');
  });

  it('chooses the length with the most confidence behind it (a stray 一 inserted)', () => {
    const voted = voteName([
      reading('戴一辞', 0.52),
      reading('戴静', 0.94),
      reading('戴静', 0.74),
      reading('戴刘站', 0.02),
    ]);
    expect(voted.name).toBe('戴静');
  });

  it('gives the earlier reading a tie, and the mean confidence when all agree', () => {
    expect(voteName([reading('许磊', 0.8), reading('许确', 0.8)]).name).toBe('许磊');
    expect(voteName([reading('许磊', 0.8), reading('许磊', 0.6)]).confidence).toBeCloseTo(0.7);
  });

  it('returns no name when nothing was read', () => {
    expect(voteName([])).toEqual({ name: null, confidence: 0 });
    expect(voteName([reading(null, 0.9), reading(null, 0)])).toEqual({ name: null, confidence: 0 });
  });
});
