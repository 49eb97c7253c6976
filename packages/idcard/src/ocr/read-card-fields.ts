import { PSM } from 'tesseract.js';
import { CARD_WIDTH, type CardField, FIELD_BOXES } from '../card-layout';
import { encodeGrayPng } from '../image/decode-image';
import type { GrayImage } from '../image/gray-image';
import { type FieldCropOptions, prepareFieldCrop } from '../image/prepare-field-crop';
import type { OcrSlot } from './ocr-worker-pool';

export interface FieldText {
  readonly text: string;
  /** Tesseract's mean word confidence, 0-1. */
  readonly confidence: number;
}

const ID_NUMBER_WHITELIST = '0123456789X';
/**
 * With 'chi_sim+eng' a low-confidence CJK word is re-read by the English model and comes back as Latin letters
 * ("Rik" for 民族); the printed CJK fields never contain Latin letters, so the English model is denied them.
 */
const LATIN_BLACKLIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz{}[]<>@#$%&*+=\\/|~^`';

export interface ReadFieldOptions {
  /** The slot's worker to use; by default `digits` for the number and `text` for the rest. */
  readonly engine?: keyof OcrSlot;
  /**
   * Page segmentation 'raw line' instead of 'single line': skips tesseract's line finding, which sometimes drops
   * every blob of a short, clean two-character line and returns nothing.
   */
  readonly isRawLine?: boolean;
}

/** OCR of one field crop. Returns empty text when the crop holds no ink. */
export async function readField(
  slot: OcrSlot,
  card: GrayImage,
  field: CardField,
  crop: Omit<FieldCropOptions, 'isSingleLine'> = {},
  { engine = field === 'idNumber' ? 'digits' : 'text', isRawLine = false }: ReadFieldOptions = {},
): Promise<FieldText> {
  const isSingleLine = field !== 'address';
  // Boxes are in canonical units; a card warped at a larger scale gets proportionally larger boxes.
  const k = card.width / CARD_WIDTH;
  const box = FIELD_BOXES[field];
  const scaled = { left: box.left * k, top: box.top * k, width: box.width * k, height: box.height * k };
  const image = prepareFieldCrop(card, scaled, { ...crop, isSingleLine });
  if (image === undefined) return { text: '', confidence: 0 };
  const worker = slot[engine];
  await worker.setParameters({
    tessedit_pageseg_mode: isRawLine ? PSM.RAW_LINE : isSingleLine ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK,
    tessedit_char_whitelist: field === 'idNumber' ? ID_NUMBER_WHITELIST : '',
    tessedit_char_blacklist: field === 'idNumber' ? '' : LATIN_BLACKLIST,
    // PNG crops carry no density; without this tesseract guesses and prints a warning per call.
    user_defined_dpi: '300',
  });
  const { data } = await worker.recognize(Buffer.from(await encodeGrayPng(image)));
  return { text: data.text.trim(), confidence: Math.max(0, Math.min(1, data.confidence / 100)) };
}
