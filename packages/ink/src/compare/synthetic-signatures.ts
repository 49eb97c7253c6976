import { createInkDocument, type TInkDocument, type TInkStroke } from '../model/ink-document';
import { createSeededRandom, gaussian } from './seeded-random';

/** Synthetic pad geometry: STU-540-like, 0.01 mm units, 200 samples/s, 1024 pressure levels. */
const PER_MM = 100;
const RATE_HZ = 200;
const LEVELS = 1024;
const ORIGIN_MS = 1_763_000_000_000;

interface Rhythm {
  amplitude: number;
  frequency: number;
  phase: number;
}
interface StrokeTemplate {
  points: [number, number][];
  durationMs: number;
  speed: Rhythm;
  pressure: Rhythm & { base: number };
}
export interface SyntheticWriter {
  strokes: StrokeTemplate[];
}

export interface SyntheticWriterSet {
  writers: { genuine: TInkDocument[]; forgeries: TInkDocument[] }[];
}

/**
 * Seeded writer set for testing comparison: genuine = the writer's own rhythm, time-warped, with small
 * spatial/pressure noise; forgeries = the same shape traced with a different speed and pressure profile.
 */
export function generateSyntheticWriterSet(options: {
  seed: number;
  writers: number;
  genuinePerWriter: number;
  forgeriesPerWriter: number;
}): SyntheticWriterSet {
  const random = createSeededRandom(options.seed);
  const writers = Array.from({ length: options.writers }, () => {
    const writer = createSyntheticWriter(random);
    return {
      genuine: Array.from({ length: options.genuinePerWriter }, () => drawGenuine(writer, random)),
      forgeries: Array.from({ length: options.forgeriesPerWriter }, () => drawForgery(writer, random)),
    };
  });
  return { writers };
}

/** One synthetic signature (genuine style) from a seed — used for fixtures and demos. */
export function generateSyntheticSignature(seed: number): TInkDocument {
  const random = createSeededRandom(seed);
  return drawGenuine(createSyntheticWriter(random), random);
}

export function createSyntheticWriter(random: () => number): SyntheticWriter {
  const strokeCount = 2 + Math.floor(random() * 2);
  let x = 12 + random() * 6;
  const strokes: StrokeTemplate[] = [];
  for (let k = 0; k < strokeCount; k++) {
    const n = 5 + Math.floor(random() * 5);
    const points: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      points.push([x, 22 + random() * 22]);
      x += 2.5 + random() * 5;
    }
    x += 3;
    strokes.push({
      points,
      durationMs: 450 + random() * 600,
      speed: { amplitude: 0.3 + random() * 0.4, frequency: 2 + Math.floor(random() * 3), phase: random() * 6.28 },
      pressure: {
        base: 0.4 + random() * 0.2,
        amplitude: 0.15 + random() * 0.15,
        frequency: 1 + Math.floor(random() * 3),
        phase: random() * 6.28,
      },
    });
  }
  return { strokes };
}

function drawGenuine(writer: SyntheticWriter, random: () => number): TInkDocument {
  const warp = (random() - 0.5) * 0.3;
  const scale = 1 + gaussian(random) * 0.02;
  const angle = (gaussian(random) * 1.5 * Math.PI) / 180;
  const strokes = writer.strokes.map((tpl) => ({
    ...tpl,
    durationMs: tpl.durationMs * (1 + gaussian(random) * 0.05),
    timeWarp: warp,
  }));
  return render(strokes, random, { scale, angle, noiseMm: 0.12, pressureNoise: 0.02 });
}

function drawForgery(writer: SyntheticWriter, random: () => number): TInkDocument {
  const strokes = writer.strokes.map((tpl) => ({
    ...tpl,
    points: tpl.points.map(([x, y]) => [x + gaussian(random) * 0.3, y + gaussian(random) * 0.3] as [number, number]),
    durationMs: tpl.durationMs * (1.8 + random() * 0.8),
    speed: { amplitude: random() * 0.3, frequency: 1 + Math.floor(random() * 4), phase: random() * 6.28 },
    pressure: {
      base: 0.3 + random() * 0.4,
      amplitude: random() * 0.1,
      frequency: 1 + Math.floor(random() * 4),
      phase: random() * 6.28,
    },
    timeWarp: 0,
  }));
  return render(strokes, random, { scale: 1, angle: 0, noiseMm: 0.2, pressureNoise: 0.03 });
}

function render(
  strokes: (StrokeTemplate & { timeWarp: number })[],
  random: () => number,
  look: { scale: number; angle: number; noiseMm: number; pressureNoise: number },
): TInkDocument {
  const period = 1000 / RATE_HZ;
  let t = ORIGIN_MS + Math.round(random() * 50) * period;
  const out: TInkStroke[] = strokes.map((tpl, id) => {
    const count = Math.max(2, Math.round(tpl.durationMs / period));
    const samples = [];
    for (let i = 0; i < count; i++, t += period) {
      const u = i / (count - 1);
      const warped = u + (tpl.timeWarp * Math.sin(2 * Math.PI * u)) / (2 * Math.PI);
      const { amplitude: a, frequency: f, phase } = tpl.speed;
      const s = warped - (a * (Math.sin(2 * Math.PI * f * warped + phase) - Math.sin(phase))) / (2 * Math.PI * f);
      const [cx, cy] = catmullRom(tpl.points, Math.min(1, Math.max(0, s)));
      const x = 54 + (cx - 54) * look.scale * Math.cos(look.angle) - (cy - 32) * look.scale * Math.sin(look.angle);
      const y = 32 + (cx - 54) * look.scale * Math.sin(look.angle) + (cy - 32) * look.scale * Math.cos(look.angle);
      const pr = tpl.pressure;
      const p =
        pr.base +
        pr.amplitude * Math.sin(2 * Math.PI * pr.frequency * u + pr.phase) +
        gaussian(random) * look.pressureNoise;
      const raw = Math.round(Math.min(1, Math.max(0.02, p)) * (LEVELS - 1));
      samples.push({
        t,
        x: Math.round((x + gaussian(random) * look.noiseMm) * PER_MM),
        y: Math.round((y + gaussian(random) * look.noiseMm) * PER_MM),
        pressure: raw / (LEVELS - 1),
      });
    }
    t += Math.round((150 + random() * 150) / period) * period;
    return { id, pointerType: 'pad' as const, samples };
  });
  return createInkDocument(
    {
      source: { kind: 'pad', model: 'synthetic STU-540' },
      units: { name: '0.01mm', perMm: PER_MM },
      surface: { width: 10_800, height: 6480 },
      sampleRate: { declaredHz: RATE_HZ, measuredHz: RATE_HZ },
      pressure: { kind: 'real', levels: LEVELS },
      time: { source: 'device-counter', originMs: ORIGIN_MS },
    },
    out,
  );
}

/** Centripetal-free (uniform) Catmull–Rom through the control points, s in [0, 1]. */
function catmullRom(points: readonly [number, number][], s: number): [number, number] {
  const segments = points.length - 1;
  const pos = s * segments;
  const i = Math.min(segments - 1, Math.floor(pos));
  const u = pos - i;
  const p0 = points[Math.max(0, i - 1)]!;
  const p1 = points[i]!;
  const p2 = points[i + 1]!;
  const p3 = points[Math.min(points.length - 1, i + 2)]!;
  const f = (a: number, b: number, c: number, d: number) =>
    0.5 * (2 * b + (-a + c) * u + (2 * a - 5 * b + 4 * c - d) * u * u + (-a + 3 * b - 3 * c + d) * u * u * u);
  return [f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])];
}
