import { crossCheckIdNumber } from '../id-number/cross-check-id-number';
import { validateIdNumber } from '../id-number/validate-id-number';
import { IdCardError } from '../idcard-error';
import { decodeImage } from '../image/decode-image';
import { extractCard, warpCard } from '../image/extract-card';
import type { GrayImage } from '../image/gray-image';
import { parseAddress, parseBirthDate } from '../parse/parse-fields';
import type { IdCardOcrResult, IdCardWarning } from './id-card-result';
import type { OcrSlot } from './ocr-worker-pool';
import { type FieldText, readField } from './read-card-fields';
import { readIdNumber } from './read-id-number';
import { readName } from './read-name';
import { readSexEthnicity } from './read-sex-ethnicity';

export interface RecognizeOptions {
  /** Reference time for birth-date plausibility; defaults to now. */
  readonly now?: Date;
}

/** Decode → detect + deskew → per-field OCR → parse → validate and cross-check, on one borrowed worker. */
export async function recognizeCard(
  slot: OcrSlot,
  image: Uint8Array,
  options: RecognizeOptions = {},
): Promise<IdCardOcrResult> {
  const gray = await decodeImage(image);
  const { card, isDetected, isUpsideDown, quad } = extractCard(gray);
  const scaledCards = new Map<number, GrayImage>([[1, card]]);
  const cardAt = (scale: number): GrayImage => {
    const cached = scaledCards.get(scale) ?? warpCard(gray, quad, scale);
    scaledCards.set(scale, cached);
    return cached;
  };
  const warnings: IdCardWarning[] = [];
  if (!isDetected) warnings.push('CARD_NOT_DETECTED');
  if (isUpsideDown) warnings.push('CARD_UPSIDE_DOWN');
  try {
    const number = await readIdNumber((crop) => readField(slot, card, 'idNumber', crop), options.now);
    const nameText = await readName(slot, cardAt);
    const { sex, ethnicity, sexConfidence, ethnicityConfidence } = await readSexEthnicity(slot, card);
    const birthText = await readWithRetry(slot, card, 'birthDate', (t) => parseBirthDate(t) !== null);
    const addressText = await readField(slot, card, 'address');
    const { name } = nameText;
    const birthDate = parseBirthDate(birthText.text);
    const address = parseAddress(addressText.text);
    if (number.valid === undefined && name === null && birthDate === null) {
      throw new IdCardError(
        'NO_CARD_FOUND',
        '未识别到身份证，请将证件正面置于框内重拍 / No ID card found; place the front of the card in the frame and retry',
      );
    }
    if (number.valid === undefined) warnings.push(number.raw === null ? 'ID_NUMBER_NOT_FOUND' : 'ID_NUMBER_INVALID');
    else warnings.push(...crossCheckIdNumber(validateIdNumber(number.valid, options), { birthDate, sex }));
    if (name === null) warnings.push('NAME_UNREAD');
    if (sex === null) warnings.push('SEX_UNREAD');
    if (ethnicity === null) warnings.push('ETHNICITY_UNREAD');
    if (birthDate === null) warnings.push('BIRTH_DATE_UNREAD');
    if (address === null) warnings.push('ADDRESS_UNREAD');
    return {
      name,
      sex,
      ethnicity,
      birthDate,
      address,
      idNumber: number.valid ?? number.raw,
      idNumberValid: number.valid !== undefined,
      confidence: {
        name: name === null ? 0 : nameText.confidence,
        sex: sexConfidence,
        ethnicity: ethnicityConfidence,
        birthDate: birthDate === null ? 0 : birthText.confidence,
        address: address === null ? 0 : addressText.confidence,
        idNumber: number.valid === undefined ? 0 : number.confidence,
      },
      warnings,
    };
  } catch (cause) {
    if (cause instanceof IdCardError) throw cause;
    throw new IdCardError('OCR_FAILED', '文字识别失败，请重试 / Text recognition failed; please retry', { cause });
  }
}

async function readWithRetry(
  slot: OcrSlot,
  card: GrayImage,
  field: 'birthDate',
  isUsable: (text: string) => boolean,
): Promise<FieldText> {
  const first = await readField(slot, card, field);
  if (isUsable(first.text)) return first;
  for (const crop of [{ binarize: true }, { scale: 1.3 }]) {
    const again = await readField(slot, card, field, crop);
    if (isUsable(again.text)) return again;
  }
  return first;
}
