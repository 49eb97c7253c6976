import type { Worker } from 'tesseract.js';
import type { CardField } from '../card-layout';
import { encodeGrayPng } from '../image/decode-image';
import type { GrayImage } from '../image/gray-image';
import type { OcrSlot } from './ocr-worker-pool';
import { type FieldCrop, type FieldText, type OcrEngine, readFieldWith } from './read-field-with';

export type { FieldText } from './read-field-with';

export interface ReadFieldOptions {
  /** The slot's worker to use; by default `digits` for the number and `text` for the rest. */
  readonly engine?: keyof OcrSlot;
  /**
   * Page segmentation 'raw line' instead of 'single line': skips tesseract's line finding, which sometimes drops
   * every blob of a short, clean two-character line and returns nothing.
   */
  readonly isRawLine?: boolean;
}

/** OCR of one field crop on the slot's Node worker (crops as PNG). Returns empty text when the crop holds no ink. */
export function readField(
  slot: OcrSlot,
  card: GrayImage,
  field: CardField,
  crop: FieldCrop = {},
  { engine = field === 'idNumber' ? 'digits' : 'text', isRawLine = false }: ReadFieldOptions = {},
): Promise<FieldText> {
  return readFieldWith(asEngine(slot[engine]), encodePngBuffer, card, field, crop, isRawLine);
}

async function encodePngBuffer(image: GrayImage): Promise<Uint8Array> {
  return Buffer.from(await encodeGrayPng(image));
}

/** tesseract.js types its input as `ImageLike`; the Node worker reads the Buffer it is given. */
function asEngine(worker: Worker): OcrEngine {
  return {
    setParameters: (parameters) => worker.setParameters(parameters),
    recognize: (image) => worker.recognize(image as Buffer),
  };
}
