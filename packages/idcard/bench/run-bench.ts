/**
 * Exact-match rates for the ID number and the name, and time per card, over a seeded set of synthetic card photos
 * of mixed degradation. Usage: npm run bench -w @inkproof/idcard -- [--count 60] [--seed 7000] [--workers 1]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createIdCardReader,
  type DegradationLevel,
  isIdCardError,
  maskIdNumber,
  writeSyntheticCardSet,
} from '../src/index';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const count = option('count', 60);
const seed = option('seed', 7000);
const workers = option('workers', 1);
const directory = await mkdtemp(join(tmpdir(), 'idcard-bench-'));

interface Tally {
  cards: number;
  number: number;
  name: number;
  sex: number;
  ethnicity: number;
  birthDate: number;
  address: number;
  errors: number;
}
const empty = (): Tally => ({
  cards: 0,
  number: 0,
  name: 0,
  sex: 0,
  ethnicity: 0,
  birthDate: 0,
  address: 0,
  errors: 0,
});

try {
  const t0 = performance.now();
  const cards = await writeSyntheticCardSet(directory, { seed, count });
  const generateMs = performance.now() - t0;
  const t1 = performance.now();
  const reader = await createIdCardReader({ workers });
  const startMs = performance.now() - t1;
  const byLevel = new Map<DegradationLevel | 'all', Tally>();
  const latencies: number[] = [];
  const misses: string[] = [];
  const t2 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < cards.length) {
        const card = cards[next++];
        if (card === undefined) break;
        const started = performance.now();
        const tallies = [byLevel.get('all') ?? empty(), byLevel.get(card.degradation.level) ?? empty()];
        byLevel.set('all', tallies[0] as Tally);
        byLevel.set(card.degradation.level, tallies[1] as Tally);
        try {
          const r = await reader.recognize(card.jpeg);
          const truth = card.identity;
          for (const t of tallies) {
            t.cards++;
            t.number += Number(r.idNumber === truth.idNumber && r.idNumberValid);
            t.name += Number(r.name === truth.name);
            t.sex += Number(r.sex === truth.sex);
            t.ethnicity += Number(r.ethnicity === truth.ethnicity);
            t.birthDate += Number(r.birthDate === truth.birthDate);
            t.address += Number(r.address === truth.address);
          }
          if (r.idNumber !== truth.idNumber)
            misses.push(
              `  ${card.degradation.level} number ${maskIdNumber(truth.idNumber)} read ${r.idNumber === null ? 'none' : maskIdNumber(r.idNumber)}`,
            );
          if (r.name !== truth.name)
            misses.push(`  ${card.degradation.level} name ${truth.name} read ${r.name ?? 'none'}`);
        } catch (error) {
          for (const t of tallies) {
            t.cards++;
            t.errors++;
          }
          misses.push(`  ${card.degradation.level} error ${isIdCardError(error) ? error.code : String(error)}`);
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  const wallMs = performance.now() - t2;
  await reader.close();
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`.padStart(8);
  const sorted = [...latencies].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  console.log(`@inkproof/idcard OCR bench — ${count} synthetic cards, seed ${seed}, ${workers} worker slot(s)`);
  console.log(`generation ${(generateMs / count).toFixed(0)} ms/card; reader start ${startMs.toFixed(0)} ms`);
  console.log('level       cards   number     name      sex   ethnic    birth  address  errors');
  for (const [level, t] of [...byLevel.entries()].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : 0))) {
    console.log(
      `${level.padEnd(10)} ${String(t.cards).padStart(6)} ${pct(t.number, t.cards)} ${pct(t.name, t.cards)} ${pct(t.sex, t.cards)} ${pct(t.ethnicity, t.cards)} ${pct(t.birthDate, t.cards)} ${pct(t.address, t.cards)} ${String(t.errors).padStart(7)}`,
    );
  }
  console.log(
    `latency per card: mean ${(latencies.reduce((a, b) => a + b, 0) / latencies.length).toFixed(0)} ms, p50 ${quantile(0.5).toFixed(0)} ms, p95 ${quantile(0.95).toFixed(0)} ms, max ${quantile(1).toFixed(0)} ms`,
  );
  console.log(`throughput: ${(wallMs / count).toFixed(0)} ms/card wall clock`);
  const all = byLevel.get('all') ?? empty();
  console.log(
    `targets: number ≥ 99 % ${all.number / all.cards >= 0.99 ? 'MET' : 'NOT MET'}, name ≥ 95 % ${all.name / all.cards >= 0.95 ? 'MET' : 'NOT MET'}, ≤ 1.5 s/card ${wallMs / count <= 1500 ? 'MET' : 'NOT MET'}`,
  );
  if (misses.length > 0) console.log(`misses:\n${misses.join('\n')}`);
} finally {
  await rm(directory, { recursive: true, force: true });
}
