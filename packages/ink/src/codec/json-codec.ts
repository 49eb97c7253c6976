import { InkError } from '../ink-error';
import type { TInkDocument } from '../model/ink-document';
import { parseInkDocument } from '../model/parse-ink-document';

/** JSON text of a document. JavaScript's number printing is shortest-round-trip, so decoding is exact. */
export function encodeInkJson(doc: TInkDocument): string {
  return JSON.stringify(parseInkDocument(doc));
}

export function decodeInkJson(text: string): TInkDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new InkError('MALFORMED', '笔迹 JSON 无法解析 / Ink JSON cannot be parsed', { cause });
  }
  return parseInkDocument(raw);
}
