import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from '../card-layout';
import type { Point } from '../image/homography';
import { drawPerspective, type RawImage } from '../image/warp-perspective';
import { type CardDegradation, type DegradationLevel, drawDegradation } from './card-degradation';
import { renderCardSvg } from './render-card-svg';
import { createSeededRandom, type SeededRandom } from './seeded-random';
import { generateSyntheticIdentity, type SyntheticIdentity } from './synthetic-identity';

export interface SyntheticCard {
  readonly seed: number;
  readonly identity: SyntheticIdentity;
  readonly degradation: CardDegradation;
  /** Card corners in the photo (TL, TR, BR, BL). */
  readonly corners: readonly Point[];
  /** The photo, JPEG. */
  readonly jpeg: Uint8Array;
}

export interface SyntheticCardOptions {
  readonly level?: DegradationLevel;
  /** Photo size; the default is a 4:3 1280 × 960 camera frame. */
  readonly photoWidth?: number;
  readonly photoHeight?: number;
  /** Reference date for ages (birth dates end 18 years before it). */
  readonly now?: Date;
  /** Printed fields to use instead of random ones (e.g. a known test patient, or a deliberate mismatch). The caller
   * keeps them consistent; the random stream is consumed the same way, so the rest of the card is unchanged. */
  readonly identity?: Partial<SyntheticIdentity>;
}

/** A photographed card front: same seed and options → byte-identical JPEG. */
export async function generateSyntheticCard(seed: number, options: SyntheticCardOptions = {}): Promise<SyntheticCard> {
  const random = createSeededRandom(seed);
  const identity = { ...generateSyntheticIdentity(random, options.now), ...options.identity };
  const degradation = drawDegradation(options.level ?? 'clean', random);
  const width = options.photoWidth ?? 1280;
  const height = options.photoHeight ?? 960;
  const card = await sharp(Buffer.from(renderCardSvg(identity, random)))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const cardImage: RawImage = {
    width: card.info.width,
    height: card.info.height,
    channels: 4,
    data: new Uint8Array(card.data),
  };
  const photo = createBackground(width, height, random);
  const corners = placeCard(width, height, degradation, random);
  drawPerspective(cardImage, corners, photo);
  applyLightingAndNoise(photo, degradation, random);
  let pipeline = sharp(photo.data, { raw: { width, height, channels: 3 } });
  if (degradation.blurSigma > 0) pipeline = pipeline.blur(degradation.blurSigma);
  const jpeg = await pipeline.jpeg({ quality: degradation.jpegQuality }).toBuffer();
  return { seed, identity, degradation, corners, jpeg: new Uint8Array(jpeg) };
}

function createBackground(width: number, height: number, random: SeededRandom): RawImage {
  const base = [random.int(40, 110), random.int(35, 100), random.int(30, 90)];
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const grain = (random.next() - 0.5) * 16;
    for (let k = 0; k < 3; k++) data[i * 3 + k] = (base[k] ?? 0) + grain;
  }
  return { width, height, channels: 3, data };
}

function placeCard(width: number, height: number, d: CardDegradation, random: SeededRandom): Point[] {
  const w = width * d.cardWidthFraction;
  const h = (w * CARD_HEIGHT) / CARD_WIDTH;
  const slackX = Math.max(0, (width - w) / 2 - w * 0.12);
  const slackY = Math.max(0, (height - h) / 2 - w * 0.12);
  const cx = width / 2 + random.range(-slackX, slackX) * 0.5;
  const cy = height / 2 + random.range(-slackY, slackY) * 0.5;
  const angle = (d.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x = 0, y = 0]) => ({
    x: cx + x * cos - y * sin + random.range(-1, 1) * d.perspective * w,
    y: cy + x * sin + y * cos + random.range(-1, 1) * d.perspective * w,
  }));
}

function applyLightingAndNoise(photo: RawImage, d: CardDegradation, random: SeededRandom): void {
  if (d.lighting === 0 && d.noiseSigma === 0) return;
  const dirX = random.range(-1, 1);
  const dirY = random.range(-1, 1);
  const { width, height, data } = photo;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = ((x / width - 0.5) * dirX + (y / height - 0.5) * dirY + 1) / 2;
      const gain = 1 - d.lighting * t;
      const noise = d.noiseSigma === 0 ? 0 : random.gaussian() * d.noiseSigma;
      const o = (y * width + x) * 3;
      for (let k = 0; k < 3; k++) data[o + k] = Math.min(255, Math.max(0, (data[o + k] ?? 0) * gain + noise));
    }
  }
}
