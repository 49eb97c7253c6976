import type { GrayImage } from '../image/gray-image';
import { hasCommonSurname } from '../parse/common-surnames';
import { parseName } from '../parse/parse-fields';
import type { OcrSlot } from './ocr-worker-pool';
import { type FieldText, readField } from './read-card-fields';

export interface NameReading extends FieldText {
  readonly name: string | null;
}

/** Crop variants tried in turn; each misreads different glyphs, so their agreement is evidence. */
const VARIANTS = [{}, { scale: 1.2 }, { thicken: true }, { binarize: true }] as const;

/**
 * Reads the 姓名 field. When the first two variants agree on a name with a common surname it is taken; otherwise
 * all variants are read and the best is chosen by confidence, a common surname and agreement between variants.
 */
export async function readName(slot: OcrSlot, card: GrayImage): Promise<NameReading> {
  const readings: NameReading[] = [];
  for (const variant of VARIANTS) {
    const read = await readField(slot, card, 'name', variant);
    const reading = { ...read, name: parseName(read.text) };
    readings.push(reading);
    const [first, second] = readings;
    if (second !== undefined && first?.name != null && first.name === second.name && hasCommonSurname(first.name)) {
      return first.confidence >= second.confidence ? first : second;
    }
  }
  const score = (r: NameReading) =>
    r.name === null
      ? -1
      : r.confidence +
        (hasCommonSurname(r.name) ? 0.5 : 0) +
        0.25 * readings.filter((o) => o !== r && o.name === r.name).length;
  const best = readings.reduce((a, b) => (score(b) > score(a) ? b : a));
  return best;
}
