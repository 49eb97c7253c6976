import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { sfntChecksum } from '../../src/consent/extract-ttc-face.js';
import {
  builtinTemplates,
  clearCjkFontCache,
  countTtcFaces,
  DEFAULT_CJK_FONT_PATH,
  extractTtcFace,
  isConsentError,
  loadCjkFont,
  renderConsentPdf,
} from '../../src/consent/index.js';
import { SAMPLE_DATA } from './sample-data.js';

const collectionBytes = readFileSync(DEFAULT_CJK_FONT_PATH);
const face = extractTtcFace(collectionBytes, 0);

interface TFkGlyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface TFkFont {
  postscriptName: string;
  numGlyphs: number;
  glyphForCodePoint(cp: number): TFkGlyph;
}

function readDirectory(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint16(4);
  return Array.from({ length: n }, (_, i) => ({
    tag: String.fromCharCode(...bytes.subarray(12 + i * 16, 16 + i * 16)),
    checksum: view.getUint32(16 + i * 16),
    offset: view.getUint32(20 + i * 16),
    length: view.getUint32(24 + i * 16),
  }));
}

describe('extractTtcFace', () => {
  it('reads the collection header: WenQuanYi Zen Hei holds three faces', () => {
    expect(countTtcFaces(collectionBytes)).toBe(3);
  });

  it('produces a standalone font fontkit opens, with the same glyphs as face 0 of the collection', () => {
    const standalone = fontkit.create(face) as unknown as TFkFont;
    const collection = fontkit.create(collectionBytes) as unknown as { fonts: TFkFont[] };
    const original = collection.fonts[0]!;
    expect(standalone.postscriptName).toBe('WenQuanYiZenHei');
    expect(standalone.numGlyphs).toBe(original.numGlyphs);
    for (const ch of ['同', '意', '签', '醫', 'A']) {
      const a = standalone.glyphForCodePoint(ch.codePointAt(0)!);
      const b = original.glyphForCodePoint(ch.codePointAt(0)!);
      expect(a.id).toBe(b.id);
      expect(a.id).toBeGreaterThan(0);
      expect(a.advanceWidth).toBe(b.advanceWidth);
      expect(a.path.toSVG()).toBe(b.path.toSVG());
    }
  });

  it('writes a sorted table directory with correct checksums and head.checkSumAdjustment', () => {
    const tables = readDirectory(face);
    const tags = tables.map((t) => t.tag);
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca', 'maxp']));
    for (const t of tables) {
      expect(t.offset % 4).toBe(0);
      const table = new Uint8Array(face.subarray(t.offset, t.offset + t.length));
      if (t.tag === 'head') table.fill(0, 8, 12);
      expect(sfntChecksum(table)).toBe(t.checksum);
    }
    // OpenType: the whole font, checkSumAdjustment included, sums to 0xB1B0AFBA.
    expect(sfntChecksum(face)).toBe(0xb1b0afba);
  });

  it('picks other faces by index (face 1 is the monospaced Zen Hei Mono)', () => {
    const mono = fontkit.create(extractTtcFace(collectionBytes, 1)) as unknown as TFkFont;
    expect(mono.postscriptName).toBe('WenQuanYiZenHeiMono');
  });

  it('returns a plain sfnt unchanged', () => {
    expect(extractTtcFace(face)).toBe(face);
  });

  it('rejects a missing face, a truncated collection and garbage with FONT_INVALID', () => {
    const attempts = [
      () => extractTtcFace(collectionBytes, 3),
      () => extractTtcFace(collectionBytes.subarray(0, 4096)),
      () => extractTtcFace(new TextEncoder().encode('not a font at all')),
    ];
    for (const attempt of attempts) {
      let caught: unknown;
      try {
        attempt();
      } catch (e) {
        caught = e;
      }
      expect(isConsentError(caught, 'FONT_INVALID')).toBe(true);
    }
  });
});

describe('loadCjkFont', () => {
  it('caches the extracted bytes per path', async () => {
    clearCjkFontCache();
    const first = await loadCjkFont();
    expect(await loadCjkFont(DEFAULT_CJK_FONT_PATH)).toBe(first);
    expect(Buffer.from(first).equals(Buffer.from(face))).toBe(true);
  });

  it('reports a missing font file as FONT_NOT_FOUND with a bilingual message naming the fix', async () => {
    const error = await loadCjkFont('/nonexistent/wqy-zenhei.ttc').catch((e: unknown) => e);
    expect(isConsentError(error, 'FONT_NOT_FOUND')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('fonts-wqy-zenhei');
    expect(message).toContain('请安装');
    expect(message).toContain('fontPath');
    expect(message).toMatch(/install/);
  });

  it('makes renderConsentPdf fail with FONT_NOT_FOUND when fontPath points nowhere', async () => {
    const error = await renderConsentPdf(builtinTemplates[0]!, SAMPLE_DATA['surgery-consent'], {
      hospitalName: '示范医院',
      fontPath: '/nonexistent/font.ttc',
    }).catch((e: unknown) => e);
    expect(isConsentError(error, 'FONT_NOT_FOUND')).toBe(true);
  });
});

describe('renderConsentPdf with caller-supplied font bytes', () => {
  it('accepts the .ttc bytes directly and embeds the same subset as the default path', async () => {
    const t = builtinTemplates[4]!;
    const options = { hospitalName: '示范医院', createdAt: new Date('2026-01-01T00:00:00Z') };
    const viaPath = await renderConsentPdf(t, SAMPLE_DATA[t.key], options);
    const viaBytes = await renderConsentPdf(t, SAMPLE_DATA[t.key], { ...options, fontBytes: collectionBytes });
    expect(Buffer.from(viaBytes.pdf).equals(Buffer.from(viaPath.pdf))).toBe(true);
  });
});
