import { findIdNumberInText } from '../id-number/find-id-number-in-text';
import type { FieldCrop, FieldText } from './read-field-with';

export interface IdNumberReading {
  /** The checksum-valid number, if one was read. */
  readonly valid: string | undefined;
  /** The first 18 characters of 0-9X read when none validated, else the valid number; null when none. */
  readonly raw: string | null;
  readonly confidence: number;
}

/** Gray first, then binarised, then doubled: each later crop rescues a different kind of degraded photo. */
const NUMBER_CROPS: readonly FieldCrop[] = [{}, { binarize: true }, { scale: 2 }];

/**
 * Reads the 公民身份号码 field crop by crop until an 18-character run passes the checksum (GB 11643). `read` OCRs
 * the number field of the card with the given crop (whitelist 0-9X); the server and the browser pass their engine.
 */
export async function readIdNumber(
  read: (crop: FieldCrop) => Promise<FieldText>,
  now: Date | undefined,
): Promise<IdNumberReading> {
  let raw: string | null = null;
  for (const crop of NUMBER_CROPS) {
    const { text, confidence } = await read(crop);
    const valid = findIdNumberInText(text, now === undefined ? {} : { now });
    if (valid !== undefined) return { valid, raw: valid, confidence };
    const compact = text.toUpperCase().replace(/[^0-9X]/g, '');
    if (raw === null && compact.length === 18) raw = compact;
  }
  return { valid: undefined, raw, confidence: 0 };
}
