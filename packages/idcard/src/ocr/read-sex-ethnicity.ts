import type { GrayImage } from '../image/gray-image';
import type { FieldCropOptions } from '../image/prepare-field-crop';
import { parseSexEthnicity } from '../parse/parse-fields';
import type { OcrSlot } from './ocr-worker-pool';
import { readField } from './read-card-fields';

export interface SexEthnicityReading {
  readonly sex: ReturnType<typeof parseSexEthnicity>['sex'];
  readonly ethnicity: string | null;
  /** Confidence of the crop each value came from (0 when unread). */
  readonly sexConfidence: number;
  readonly ethnicityConfidence: number;
}

/**
 * Crops tried in turn while a value is missing. The lone 男/女 is the glyph the LSTM most often drops or turns into a
 * look-alike (妙, 劝) at the first size; 1.2× recovers it (300 of 300 synthetic cards against 290), thickened strokes
 * recover a few ethnicities. A value, once parsed, is kept: no crop ever produced a wrong one where another had it.
 */
const VARIANTS: readonly Omit<FieldCropOptions, 'isSingleLine'>[] = [{}, { scale: 1.2 }, { thicken: true }];

/** Reads the 性别 / 民族 row, re-reading only while sex or ethnicity is still unread. */
export async function readSexEthnicity(slot: OcrSlot, card: GrayImage): Promise<SexEthnicityReading> {
  let reading: SexEthnicityReading = { sex: null, ethnicity: null, sexConfidence: 0, ethnicityConfidence: 0 };
  for (const crop of VARIANTS) {
    const { text, confidence } = await readField(slot, card, 'sexEthnicity', crop);
    const { sex, ethnicity } = parseSexEthnicity(text);
    reading = {
      sex: reading.sex ?? sex,
      ethnicity: reading.ethnicity ?? ethnicity,
      sexConfidence: reading.sex === null && sex !== null ? confidence : reading.sexConfidence,
      ethnicityConfidence: reading.ethnicity === null && ethnicity !== null ? confidence : reading.ethnicityConfidence,
    };
    if (reading.sex !== null && reading.ethnicity !== null) break;
  }
  return reading;
}
