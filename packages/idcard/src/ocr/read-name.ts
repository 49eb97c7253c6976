import type { GrayImage } from '../image/gray-image';
import { hasCommonSurname, hasTypicalNameLength } from '../parse/common-surnames';
import { parseName } from '../parse/parse-fields';
import type { OcrSlot } from './ocr-worker-pool';
import { type FieldText, readField } from './read-card-fields';

export interface NameReading extends FieldText {
  readonly name: string | null;
}

/**
 * Variants tried in turn; each misreads different glyphs, so their agreement is evidence. `cardScale` re-warps the
 * card from the photo at 1.5× (more source detail than upscaling the crop).
 */
const VARIANTS = [
  { cardScale: 1 },
  { cardScale: 1, scale: 1.2 },
  { cardScale: 1.5, thicken: true },
  { cardScale: 1, thicken: true },
  { cardScale: 1, binarize: true },
] as const;

/**
 * Reads the 姓名 field. When the first two variants agree on a name with a common surname and a typical length it
 * is taken; otherwise all variants are read and the best is chosen by confidence, a common surname, a typical
 * length and agreement between variants.
 */
export async function readName(slot: OcrSlot, cardAt: (scale: number) => GrayImage): Promise<NameReading> {
  const readings: NameReading[] = [];
  for (const { cardScale, ...crop } of VARIANTS) {
    const read = await readField(slot, cardAt(cardScale), 'name', crop);
    const reading = { ...read, name: parseName(read.text) };
    readings.push(reading);
    const [first, second] = readings;
    const isAgreed = second !== undefined && first?.name != null && first.name === second.name;
    if (isAgreed && hasCommonSurname(first.name) && hasTypicalNameLength(first.name)) {
      return first.confidence >= second.confidence ? first : second;
    }
  }
  // A common surname outweighs agreement: variants tend to repeat the same look-alike (能 for 熊 in 4 of 5 crops).
  const score = (r: NameReading) =>
    r.name === null
      ? -1
      : r.confidence +
        (hasCommonSurname(r.name) ? 0.6 : 0) +
        (hasTypicalNameLength(r.name) ? 0.3 : 0) +
        0.1 * readings.filter((o) => o !== r && o.name === r.name).length;
  const best = readings.reduce((a, b) => (score(b) > score(a) ? b : a));
  return best;
}
