import type { InkStrokes } from '../../src/index.js';

/** A short two-stroke signature as a pen would report it (y down, pressure 0…1). */
export const SAMPLE_INK: InkStrokes = [
  Array.from({ length: 30 }, (_, i) => ({ t: i * 5, x: i * 4, y: 20 + 15 * Math.sin(i / 4), pressure: 0.3 + i / 60 })),
  Array.from({ length: 20 }, (_, i) => ({ t: 200 + i * 5, x: 30 + i * 3, y: 45 - i * 2, pressure: 0.6 })),
];
