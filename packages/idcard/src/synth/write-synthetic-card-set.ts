import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DegradationLevel } from './card-degradation';
import { generateSyntheticCard, type SyntheticCard } from './generate-synthetic-card';

export interface SyntheticCardSetOptions {
  readonly seed: number;
  readonly count: number;
  /** Levels used in turn; default mixes all four. */
  readonly levels?: readonly DegradationLevel[];
}

export interface WrittenSyntheticCard extends SyntheticCard {
  readonly file: string;
}

/**
 * Generates `count` cards (card i uses seed `seed + i`) and writes `card-NNN.jpg` plus `truth.json` (identities,
 * degradations) to `directory`. For tests and benchmarks only: the identities are random and not real persons.
 */
export async function writeSyntheticCardSet(
  directory: string,
  options: SyntheticCardSetOptions,
): Promise<WrittenSyntheticCard[]> {
  const levels = options.levels ?? ['clean', 'mild', 'moderate', 'harsh'];
  await mkdir(directory, { recursive: true });
  const cards: WrittenSyntheticCard[] = [];
  for (let i = 0; i < options.count; i++) {
    const card = await generateSyntheticCard(options.seed + i, { level: levels[i % levels.length] ?? 'clean' });
    const file = join(directory, `card-${String(i).padStart(3, '0')}.jpg`);
    await writeFile(file, card.jpeg);
    cards.push({ ...card, file });
  }
  const truth = cards.map(({ file, seed, identity, degradation }) => ({ file, seed, identity, degradation }));
  await writeFile(join(directory, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return cards;
}
