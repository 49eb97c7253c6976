// `npm run bench -w @inkproof/ink`: codec speeds, bytes per sample, and the EER of the synthetic writer set.
import {
  compareSignatures,
  computeEqualErrorRate,
  createInkDocument,
  decodeInkBinary,
  decodeInkJson,
  encodeInkBinary,
  encodeInkJson,
  exportIso19794_7,
  generateSyntheticSignature,
  generateSyntheticWriterSet,
  importIso19794_7,
  type TInkDocument,
} from '../src/index';

function timeIt(label: string, samples: number, bytes: number, fn: () => unknown): void {
  const rounds = 20;
  fn();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  const ms = (performance.now() - start) / rounds;
  console.log(
    `codec ${label.padEnd(18)} ${(samples / ms / 1000).toFixed(2).padStart(7)} M samples/s  ${(((bytes / ms) * 1000) / 1e6).toFixed(1).padStart(6)} MB/s`,
  );
}

/** A browser pen capture as Chromium delivers it: float32 CSS px and pressure, epoch float times, tilt. */
function penDocument(samples: number): TInkDocument {
  const origin = performance.timeOrigin;
  const strokes = Array.from({ length: 10 }, (_, id) => ({
    id,
    pointerType: 'pen' as const,
    samples: Array.from({ length: samples / 10 }, (_, i) => ({
      t: origin + id * 2000 + i * 4.1666 + (i % 7) * 0.1,
      x: Math.fround(40 + i * 0.37 + Math.sin(i / 5) * 50),
      y: Math.fround(80 + Math.cos(i / 7) * 25),
      pressure: Math.fround(0.2 + 0.6 * Math.abs(Math.sin(i / 9))),
      tiltX: Math.round(20 * Math.sin(i / 10)),
      tiltY: -15 + (i % 4),
    })),
  }));
  return createInkDocument(
    {
      source: { kind: 'pen' },
      units: { name: 'css-px', perMm: 96 / 25.4 },
      surface: { width: 600, height: 240 },
      sampleRate: { declaredHz: 240 },
      pressure: { kind: 'real' },
      time: { source: 'performance', originMs: origin },
    },
    strokes,
  );
}

function padDocument(copies: number): TInkDocument {
  const base = generateSyntheticSignature(540);
  const strokes = Array.from({ length: copies }, (_, k) =>
    base.strokes.map((s) => ({
      ...s,
      id: k * 10 + s.id,
      samples: s.samples.map((p) => ({ ...p, t: p.t + k * 10_000 })),
    })),
  ).flat();
  return { ...base, strokes };
}

const count = (doc: TInkDocument) => doc.strokes.reduce((n, s) => n + s.samples.length, 0);

for (const [name, doc] of [
  ['pad', padDocument(30)],
  ['pen', penDocument(10_000)],
] as const) {
  const n = count(doc);
  const json = encodeInkJson(doc);
  const bin = encodeInkBinary(doc);
  const iso = exportIso19794_7(doc);
  console.log(`\n${name}: ${n} samples`);
  timeIt('json encode', n, json.length, () => encodeInkJson(doc));
  timeIt('json decode', n, json.length, () => decodeInkJson(json));
  timeIt('binary encode', n, bin.length, () => encodeInkBinary(doc));
  timeIt('binary decode', n, bin.length, () => decodeInkBinary(bin));
  timeIt('iso19794-7 export', n, iso.length, () => exportIso19794_7(doc));
  timeIt('iso19794-7 import', n, iso.length, () => importIso19794_7(iso));
  console.log(
    `bytes/sample source=${name} json=${(json.length / n).toFixed(2)} binary=${(bin.length / n).toFixed(2)} iso19794-7=${(iso.length / n).toFixed(2)}`,
  );
}

const set = generateSyntheticWriterSet({ seed: 20_261_122, writers: 20, genuinePerWriter: 6, forgeriesPerWriter: 5 });
const genuine: number[] = [];
const forgery: number[] = [];
const started = performance.now();
for (const writer of set.writers) {
  const [reference, ...others] = writer.genuine;
  for (const g of others) genuine.push(compareSignatures(reference!, g));
  for (const f of writer.forgeries) forgery.push(compareSignatures(reference!, f));
}
const perComparison = (performance.now() - started) / (genuine.length + forgery.length);
console.log(
  `\nsynthetic-set writers=20 genuine=${genuine.length} forgeries=${forgery.length} EER=${(computeEqualErrorRate(genuine, forgery) * 100).toFixed(2)}% dtw=${perComparison.toFixed(1)} ms/comparison (synthetic data only; no claim for real signatures)`,
);
