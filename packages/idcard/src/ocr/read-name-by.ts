import type { GrayImage } from '../image/gray-image';
import { parseName } from '../parse/parse-fields';
import type { FieldCrop, FieldText } from './read-field-with';
import { type NameCandidate, scoreNamePrior, type VotedName, voteName } from './vote-name';

/** OCR of the 姓名 field of `card` with one model. */
export type NameReader = (card: GrayImage, crop: FieldCrop, isRawLine: boolean) => Promise<FieldText>;

type NameCrop = FieldCrop & { readonly cardScale: number; readonly isRawLine?: boolean };

/**
 * Crops read by every model. Models misread different glyphs, so their agreement is evidence. `cardScale` re-warps
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
 * Reads the 姓名 field with each of `readers` (the server: best model, then fast model; the browser: the fast model
 * alone). When all read the first crop as the same plausible name (common surname, typical length) it is taken;
 * otherwise every variant is read and the readings are voted on character by character (`voteName`), the first
 * reader's reading first (it wins ties). The readers of one crop run in parallel.
 */
export async function readNameBy(
  readers: readonly NameReader[],
  cardAt: (scale: number) => GrayImage,
): Promise<VotedName> {
  const [first = { cardScale: 1 }, ...rest] = VARIANTS;
  const readings = await readWithAll(readers, cardAt, first);
  const [lead] = readings;
  if (
    lead?.name != null &&
    readings.every((r) => r.name === lead.name) &&
    scoreNamePrior(lead.name) === 2 &&
    isCredible(readings)
  ) {
    return { name: lead.name, confidence: Math.max(...readings.map((r) => r.confidence)) };
  }
  for (const crop of rest) readings.push(...(await readWithAll(readers, cardAt, crop)));
  if (isCredible(readings)) return voteName(readings);
  for (const crop of LAST_RESORTS) {
    const last = await readWithAll(readers, cardAt, crop);
    if (isCredible(last)) return voteName(last);
  }
  return { name: null, confidence: 0 };
}

function isCredible(readings: readonly NameCandidate[]): boolean {
  return readings.some((r) => r.name !== null && r.confidence >= MIN_CONFIDENCE);
}

async function readWithAll(
  readers: readonly NameReader[],
  cardAt: (scale: number) => GrayImage,
  { cardScale, isRawLine = false, ...crop }: NameCrop,
): Promise<NameCandidate[]> {
  const card = cardAt(cardScale);
  const texts = await Promise.all(readers.map((read) => read(card, crop, isRawLine)));
  return texts.map(({ text, confidence }) => ({ name: parseName(text), confidence }));
}
