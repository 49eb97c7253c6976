import { describe, expect, it } from 'vitest';
import {
  createSeededRandom,
  decodeInkBinary,
  decodeInkJson,
  encodeInkBinary,
  encodeInkJson,
  exportInkML,
  INK_MEDIA_TYPE,
  InkError,
  type TInkDocument,
} from '../src/index';
import { makePadDocument, makePenDocument } from './sample-documents';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InkError) return error.code;
    throw error;
  }
  return undefined;
}

describe('JSON codec', () => {
  it('round-trips every double exactly and keeps the media type', () => {
    const doc = makePenDocument();
    const text = encodeInkJson(doc);
    expect(JSON.parse(text).mediaType).toBe(INK_MEDIA_TYPE);
    expect(decodeInkJson(text)).toEqual(doc);
  });

  it('lists every failing field path', () => {
    const bad = JSON.parse(encodeInkJson(makePadDocument()));
    bad.strokes[0].samples[3].pressure = 2;
    bad.context.units.perMm = -1;
    try {
      decodeInkJson(JSON.stringify(bad));
      expect.unreachable();
    } catch (error) {
      expect((error as InkError).code).toBe('SCHEMA_INVALID');
      expect((error as InkError).paths).toEqual(
        expect.arrayContaining(['strokes.0.samples.3.pressure', 'context.units.perMm']),
      );
    }
  });

  it('refuses garbage and future versions with typed codes', () => {
    expect(codeOf(() => decodeInkJson('{not json'))).toBe('MALFORMED');
    const future = { ...makePadDocument(), version: 9 };
    expect(codeOf(() => decodeInkJson(JSON.stringify(future)))).toBe('UNSUPPORTED_VERSION');
  });
});

describe('binary codec', () => {
  const docs: [string, TInkDocument][] = [
    ['pen', makePenDocument()],
    ['pad', makePadDocument()],
  ];

  it.each(docs)('round-trips a %s capture exactly', (_, doc) => {
    expect(decodeInkBinary(encodeInkBinary(doc))).toEqual(doc);
  });

  it('is compact for pad data (delta + varint columns)', () => {
    const doc = makePadDocument();
    const samples = doc.strokes.reduce((n, s) => n + s.samples.length, 0);
    const bytes = encodeInkBinary(doc);
    const headerless = bytes.length - new TextEncoder().encode(JSON.stringify(doc.context)).length;
    expect(headerless / samples).toBeLessThan(7);
    expect(bytes.length).toBeLessThan(encodeInkJson(doc).length / 5);
  });

  it('reports every truncation as TRUNCATED', () => {
    const bytes = encodeInkBinary(makePadDocument());
    for (const cut of [0, 3, 5, 9, 20, bytes.length / 2, bytes.length - 1]) {
      const code = codeOf(() => decodeInkBinary(bytes.subarray(0, Math.floor(cut))));
      expect(code).toBe('TRUNCATED');
    }
  });

  it('detects altered bytes, foreign data and unknown versions', () => {
    const bytes = encodeInkBinary(makePadDocument());
    const flipped = bytes.slice();
    flipped[bytes.length - 20]! ^= 0x10;
    expect(codeOf(() => decodeInkBinary(flipped))).toBe('CHECKSUM_MISMATCH');
    expect(codeOf(() => decodeInkBinary(new TextEncoder().encode('%PDF-1.7 garbage')))).toBe('BAD_MAGIC');
    const future = bytes.slice();
    future[4] = 2;
    expect(codeOf(() => decodeInkBinary(future))).toBe('UNSUPPORTED_VERSION');
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(codeOf(() => decodeInkBinary(longer))).toBe('MALFORMED');
  });

  it('never throws anything but InkError on random bytes after a valid magic', () => {
    const random = createSeededRandom(7);
    for (let round = 0; round < 200; round++) {
      const junk = new Uint8Array(40 + (round % 50));
      for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(random() * 256);
      junk.set([0x49, 0x4e, 0x4b, 0x42, 1]);
      expect(codeOf(() => decodeInkBinary(junk))).toBeDefined();
    }
  });
});

describe('InkML export', () => {
  it('writes one trace per visible stroke with X Y T F and tilt channels', () => {
    const xml = exportInkML(makePenDocument());
    expect(xml.match(/<trace /g)).toHaveLength(2);
    expect(xml).toContain('<channel name="OTx"');
    const firstTrace = /<trace[^>]*>([^<]*)<\/trace>/.exec(xml)![1]!;
    expect(firstTrace.split(', ')).toHaveLength(60);
    expect(firstTrace.split(', ')[0]!.split(' ')).toHaveLength(6);
  });
});
