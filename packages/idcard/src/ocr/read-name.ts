import type { GrayImage } from '../image/gray-image';
import type { FieldCropOptions } from '../image/prepare-field-crop';
import { parseName } from '../parse/parse-fields';
import type { OcrSlot } from './ocr-worker-pool';
import { readField } from './read-card-fields';
import { type NameCandidate, scoreNamePrior, type VotedName, voteName } from './vote-name';

type NameCrop = Omit<FieldCropOptions, 'isSingleLine'> & { readonly cardScale: number; readonly isRawLine?: boolean };

/**
 * Crops read by both models. Each misreads different glyphs, so their agreement is evidence. `cardScale` re-warps
 * the card from the photo (more source detail than upscaling the crop).
 */
const VARIANTS: readonly NameCrop[] = [
  { cardScale: 1 },
  { cardScale: 1, scale: 1.2 },
  { cardScale: 1.5, thicken: true },
  { cardScale: 1, thicken: true },
  { cardScale: 1, binarize: true },
];
/**
 * Tried in turn when no variant gave a credible name: a short, clean line sometimes comes back empty from every
 * variant above (tesseract's line finding drops its blobs); raw-line segmentation or a 2× card still read it.
 */
const LAST_RESORTS: readonly NameCrop[] = [{ cardScale: 1, isRawLine: true }, { cardScale: 2 }];
/**
 * A name needs at least one reading this confident. Noise and blank paper come back as names from the best model at
 * 0-0.35; on 500 synthetic cards its right readings never fell below 0.46. The fast model's right readings often
 * do (0.4-0.5 is common), so weak readings still vote, they just cannot make a name on their own.
 */
const MIN_CONFIDENCE = 0.5;

/**
 * Reads the 姓名 field with the best model (`text`) and the fast model (`fastText`). When both read the first crop
 * as the same plausible name (common surname, typical length) it is taken; otherwise every variant is read by both
 * and the readings are voted on character by character (`voteName`). The best model reads 龚, 萱, 磊 that the
 * fast one turns into 裴, 莹, 大; the fast one reads 怡 and 涵 that the best one turns into 总 and 涨.
 */
export async function readName(slot: OcrSlot, cardAt: (scale: number) => GrayImage): Promise<VotedName> {
  const [first = { cardScale: 1 }, ...rest] = VARIANTS;
  const readings = await readWithBoth(slot, cardAt, first);
  const [best, fast] = readings;
  if (best?.name != null && best.name === fast?.name && scoreNamePrior(best.name) === 2 && isCredible(readings)) {
    return { name: best.name, confidence: Math.max(best.confidence, fast.confidence) };
  }
  for (const crop of rest) readings.push(...(await readWithBoth(slot, cardAt, crop)));
  if (isCredible(readings)) return voteName(readings);
  for (const crop of LAST_RESORTS) {
    const last = await readWithBoth(slot, cardAt, crop);
    if (isCredible(last)) return voteName(last);
  }
  return { name: null, confidence: 0 };
}

function isCredible(readings: readonly NameCandidate[]): boolean {
  return readings.some((r) => r.name !== null && r.confidence >= MIN_CONFIDENCE);
}

/** The two models' readings of one crop, best model first (it wins ties). The two workers run in parallel. */
async function readWithBoth(
  slot: OcrSlot,
  cardAt: (scale: number) => GrayImage,
  { cardScale, isRawLine, ...crop }: NameCrop,
): Promise<NameCandidate[]> {
  const card = cardAt(cardScale);
  const texts = await Promise.all([
    readField(slot, card, 'name', crop, { engine: 'text', isRawLine }),
    readField(slot, card, 'name', crop, { engine: 'fastText', isRawLine }),
  ]);
  return texts.map(({ text, confidence }) => ({ name: parseName(text), confidence }));
}
