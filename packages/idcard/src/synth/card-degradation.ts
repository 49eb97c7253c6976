import type { SeededRandom } from './seeded-random';

export type DegradationLevel = 'clean' | 'mild' | 'moderate' | 'harsh';

/** How a card photo departs from a flat scan. */
export interface CardDegradation {
  readonly level: DegradationLevel;
  /** In-plane rotation, degrees. */
  readonly rotationDeg: number;
  /** Corner jitter as a fraction of the card width (perspective / keystone). */
  readonly perspective: number;
  /** Gaussian blur sigma in pixels; 0 = none. */
  readonly blurSigma: number;
  /** Gaussian sensor noise sigma in 8-bit levels. */
  readonly noiseSigma: number;
  /** Uneven lighting: brightness falls by up to this fraction across the frame. */
  readonly lighting: number;
  readonly jpegQuality: number;
  /** Card width as a fraction of the photo width. */
  readonly cardWidthFraction: number;
}

const LIMITS: Record<
  DegradationLevel,
  { rotation: number; perspective: number; blur: number; noise: number; lighting: number; quality: [number, number] }
> = {
  clean: { rotation: 0, perspective: 0, blur: 0, noise: 0, lighting: 0, quality: [92, 95] },
  mild: { rotation: 4, perspective: 0.02, blur: 0.7, noise: 5, lighting: 0.1, quality: [80, 90] },
  moderate: { rotation: 9, perspective: 0.04, blur: 1.1, noise: 9, lighting: 0.2, quality: [60, 80] },
  harsh: { rotation: 14, perspective: 0.06, blur: 1.5, noise: 13, lighting: 0.3, quality: [40, 60] },
};

/** Random degradation within the bounds of `level`. */
export function drawDegradation(level: DegradationLevel, random: SeededRandom): CardDegradation {
  const l = LIMITS[level];
  const blur = l.blur === 0 ? 0 : random.range(l.blur / 2, l.blur);
  return {
    level,
    rotationDeg: random.range(-l.rotation, l.rotation),
    perspective: random.range(0, l.perspective),
    blurSigma: blur < 0.3 ? 0 : blur,
    noiseSigma: random.range(0, l.noise),
    lighting: random.range(0, l.lighting),
    jpegQuality: random.int(l.quality[0], l.quality[1]),
    cardWidthFraction: level === 'clean' ? 0.8 : random.range(0.62, 0.86),
  };
}
