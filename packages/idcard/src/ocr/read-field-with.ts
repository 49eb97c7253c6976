import { PSM, type WorkerParams } from 'tesseract.js';
import { CARD_WIDTH, type CardField, FIELD_BOXES } from '../card-layout';
import type { GrayImage } from '../image/gray-image';
import { type FieldCropOptions, prepareFieldCrop } from '../image/prepare-field-crop';

export interface FieldText {
  readonly text: string;
  /** Tesseract's mean word confidence, 0-1. */
  readonly confidence: number;
}

/**
 * The part of a tesseract.js worker the field readers use. The server passes its Node workers, the browser entry
 * its Web Workers; neither this file nor the crops know which.
 */
export interface OcrEngine {
  setParameters(parameters: Partial<WorkerParams>): Promise<unknown>;
  recognize(image: Uint8Array): Promise<{ data: { text: string; confidence: number } }>;
}

/** Turns a crop into bytes tesseract reads: PNG through sharp on the server, PGM in the browser. */
export type EncodeGrayImage = (image: GrayImage) => Uint8Array | Promise<Uint8Array>;

export type FieldCrop = Omit<FieldCropOptions, 'isSingleLine'>;

const ID_NUMBER_WHITELIST = '0123456789X';
/**
 * With 'chi_sim+eng' a low-confidence CJK word is re-read by the English model and comes back as Latin letters
 * ("Rik" for 民族); the printed CJK fields never contain Latin letters, so the English model is denied them.
 */
const LATIN_BLACKLIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz{}[]<>@#$%&*+=\\/|~^`';

/** The crop of one field from a deskewed card (any warp scale), or undefined when it holds no ink. */
export function cropField(card: GrayImage, field: CardField, crop: FieldCrop = {}): GrayImage | undefined {
  // Boxes are in canonical units; a card warped at a larger scale gets proportionally larger boxes.
  const k = card.width / CARD_WIDTH;
  const box = FIELD_BOXES[field];
  const scaled = { left: box.left * k, top: box.top * k, width: box.width * k, height: box.height * k };
  return prepareFieldCrop(card, scaled, { ...crop, isSingleLine: field !== 'address' });
}

/** Tesseract parameters for a field: line segmentation, the number's whitelist, no Latin letters elsewhere. */
export function fieldParameters(field: CardField, isRawLine = false): Partial<WorkerParams> {
  const isSingleLine = field !== 'address';
  return {
    tessedit_pageseg_mode: isRawLine ? PSM.RAW_LINE : isSingleLine ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK,
    tessedit_char_whitelist: field === 'idNumber' ? ID_NUMBER_WHITELIST : '',
    tessedit_char_blacklist: field === 'idNumber' ? '' : LATIN_BLACKLIST,
    // Crops carry no density; without this tesseract guesses and prints a warning per call.
    user_defined_dpi: '300',
  };
}

/** OCR of one field crop on `engine`. Returns empty text when the crop holds no ink. */
export async function readFieldWith(
  engine: OcrEngine,
  encode: EncodeGrayImage,
  card: GrayImage,
  field: CardField,
  crop: FieldCrop = {},
  isRawLine = false,
): Promise<FieldText> {
  const image = cropField(card, field, crop);
  if (image === undefined) return { text: '', confidence: 0 };
  await engine.setParameters(fieldParameters(field, isRawLine));
  const { data } = await engine.recognize(await encode(image));
  return { text: data.text.trim(), confidence: Math.max(0, Math.min(1, data.confidence / 100)) };
}
