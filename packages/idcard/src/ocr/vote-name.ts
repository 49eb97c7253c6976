import { hasCommonSurname, hasTypicalNameLength } from '../parse/common-surnames';

export interface NameCandidate {
  readonly name: string | null;
  /** Tesseract's mean confidence for the reading, 0-1. */
  readonly confidence: number;
}

export interface VotedName {
  readonly name: string | null;
  /** Mean confidence of the readings voted on, scaled by the weakest per-character agreement. */
  readonly confidence: number;
}

/** A common surname and a typical length: what a misread most often loses (邱 → 印, an inserted 人). */
export function scoreNamePrior(name: string): number {
  return (hasCommonSurname(name) ? 1 : 0) + (hasTypicalNameLength(name) ? 1 : 0);
}

/**
 * Combines readings of the 姓名 field character by character, each reading weighted by its confidence. Only the
 * readings with the best prior take part; among them the most supported length wins, then at each position the
 * most supported character. Readings of one crop by two models, or of several crops, tend to misread different
 * glyphs, so a name no single reading got right can still come out whole. Ties go to the earlier reading.
 */
export function voteName(candidates: readonly NameCandidate[]): VotedName {
  const read = candidates.flatMap((c) => (c.name === null ? [] : [{ chars: [...c.name], c }]));
  if (read.length === 0) return { name: null, confidence: 0 };
  const prior = (chars: readonly string[]) => scoreNamePrior(chars.join(''));
  const bestPrior = Math.max(...read.map((r) => prior(r.chars)));
  const voters = read.filter((r) => prior(r.chars) === bestPrior);
  const length = pickHeaviest(voters.map((r) => [r.chars.length, r.c.confidence] as const));
  const same = voters.filter((r) => r.chars.length === length);
  let name = '';
  let agreement = 1;
  for (let i = 0; i < length; i++) {
    const votes = same.map((r) => [r.chars[i] ?? '', r.c.confidence] as const);
    const char = pickHeaviest(votes);
    const total = votes.reduce((sum, [, w]) => sum + w, 0);
    const winning = votes.reduce((sum, [v, w]) => sum + (v === char ? w : 0), 0);
    agreement = Math.min(agreement, total > 0 ? winning / total : 0);
    name += char;
  }
  const mean = same.reduce((sum, r) => sum + r.c.confidence, 0) / same.length;
  return { name, confidence: mean * agreement };
}

/** The value with the largest summed weight; on a tie, the one seen first. */
function pickHeaviest<T>(votes: readonly (readonly [T, number])[]): T {
  const sums = new Map<T, number>();
  for (const [value, weight] of votes) sums.set(value, (sums.get(value) ?? 0) + weight);
  let best: T | undefined;
  let bestWeight = -1;
  for (const [value, weight] of sums) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best as T;
}
