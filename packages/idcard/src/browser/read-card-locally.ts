import { maskIdNumber } from '../id-number/mask-id-number';
import { IdCardError } from '../idcard-error';
import { extractCard, warpCard } from '../image/extract-card';
import type { GrayImage } from '../image/gray-image';
import type { IdCardWarning } from '../ocr/id-card-result';
import { type OcrEngine, readFieldWith } from '../ocr/read-field-with';
import { readIdNumber } from '../ocr/read-id-number';
import { readNameBy } from '../ocr/read-name-by';
import { encodePgm } from './encode-pgm';
import { type RgbaImage, rgbaToGray } from './rgba-to-gray';

/** The engines of a local reading: the number (chi_sim+eng, whitelist 0-9X) and the name (fast chi_sim). */
export interface LocalOcrEngines {
  readonly digits: OcrEngine;
  readonly text: OcrEngine;
}

export type LocalReadingWarning = Extract<
  IdCardWarning,
  'CARD_NOT_DETECTED' | 'CARD_UPSIDE_DOWN' | 'ID_NUMBER_NOT_FOUND' | 'ID_NUMBER_INVALID' | 'NAME_UNREAD'
>;

/**
 * What the device itself read from the card front: a preliminary reading for instant feedback. The number never
 * leaves this module unmasked; the server's reading stays the authoritative one (and the only patient match).
 */
export interface LocalIdCardReading {
  readonly name: string | null;
  /** `110105********1239` when a checksum-valid number was read, the raw 18 characters masked when not, else null. */
  readonly idNumberMasked: string | null;
  readonly idNumberValid: boolean;
  readonly confidence: { readonly name: number; readonly idNumber: number };
  readonly warnings: readonly LocalReadingWarning[];
}

export interface ReadCardLocallyOptions {
  /** Reference time for birth-date plausibility of the number; defaults to now. */
  readonly now?: Date;
}

/**
 * The server's pipeline on decoded pixels: gray → detect + deskew (`extractCard`) → per-field crops (`cropField`) →
 * number (`readIdNumber`) and name (`readNameBy`, one model) read in parallel on their own engines.
 */
export async function readCardLocally(
  engines: LocalOcrEngines,
  image: RgbaImage,
  options: ReadCardLocallyOptions = {},
): Promise<LocalIdCardReading> {
  let gray: GrayImage;
  try {
    gray = rgbaToGray(image);
  } catch (cause) {
    throw new IdCardError(
      'IMAGE_UNREADABLE',
      '无法读取图片，请重新拍摄 / The image cannot be read; take the photo again',
      { cause },
    );
  }
  const { card, isDetected, isUpsideDown, quad } = extractCard(gray);
  const scaledCards = new Map<number, GrayImage>([[1, card]]);
  const cardAt = (scale: number): GrayImage => {
    const cached = scaledCards.get(scale) ?? warpCard(gray, quad, scale);
    scaledCards.set(scale, cached);
    return cached;
  };
  let number: Awaited<ReturnType<typeof readIdNumber>>;
  let name: Awaited<ReturnType<typeof readNameBy>>;
  try {
    [number, name] = await Promise.all([
      readIdNumber((crop) => readFieldWith(engines.digits, encodePgm, card, 'idNumber', crop), options.now),
      readNameBy(
        [(scaled, crop, isRawLine) => readFieldWith(engines.text, encodePgm, scaled, 'name', crop, isRawLine)],
        cardAt,
      ),
    ]);
  } catch (cause) {
    throw new IdCardError('OCR_FAILED', '文字识别失败，请重试 / Text recognition failed; please retry', { cause });
  }
  if (number.valid === undefined && name.name === null) {
    throw new IdCardError(
      'NO_CARD_FOUND',
      '未识别到身份证，请将证件正面置于框内重拍 / No ID card found; place the front of the card in the frame and retry',
    );
  }
  const warnings: LocalReadingWarning[] = [];
  if (!isDetected) warnings.push('CARD_NOT_DETECTED');
  if (isUpsideDown) warnings.push('CARD_UPSIDE_DOWN');
  if (number.valid === undefined) warnings.push(number.raw === null ? 'ID_NUMBER_NOT_FOUND' : 'ID_NUMBER_INVALID');
  if (name.name === null) warnings.push('NAME_UNREAD');
  return {
    name: name.name,
    idNumberMasked: number.raw === null ? null : maskIdNumber(number.raw),
    idNumberValid: number.valid !== undefined,
    confidence: { name: name.name === null ? 0 : name.confidence, idNumber: number.confidence },
    warnings,
  };
}
