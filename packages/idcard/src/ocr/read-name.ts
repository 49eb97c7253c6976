import type { GrayImage } from '../image/gray-image';
import type { OcrSlot } from './ocr-worker-pool';
import { readField } from './read-card-fields';
import { type NameReader, readNameBy } from './read-name-by';
import type { VotedName } from './vote-name';

/**
 * Reads the 姓名 field with the best model (`text`) and the fast model (`fastText`) of the slot (`readNameBy`). The
 * best model reads 龚, 萱, 磊 that the fast one turns into 裴, 莹, 大; the fast one reads 怡 and 涵 that the best one
 * turns into 总 and 涨.
 */
export function readName(slot: OcrSlot, cardAt: (scale: number) => GrayImage): Promise<VotedName> {
  const by =
    (engine: 'text' | 'fastText'): NameReader =>
    (card, crop, isRawLine) =>
      readField(slot, card, 'name', crop, { engine, isRawLine });
  return readNameBy([by('text'), by('fastText')], cardAt);
}
