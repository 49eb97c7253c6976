import fontkit from '@pdf-lib/fontkit';

type TFontkitFont = ReturnType<typeof fontkit.create>;

const parsed = new WeakMap<Uint8Array, TFontkitFont>();

/**
 * fontkit for `PDFDocument.registerFontkit` that parses each font buffer once. fontkit's `create` copies the
 * whole buffer byte by byte (11 MB for Zen Hei, ≈ 40 ms) and re-reads cmap/hmtx on every document; the parsed
 * font is read-only apart from glyph caches, and each embed takes a fresh subset, so sharing it is safe.
 */
export const cachedFontkit = {
  create(fontData: Uint8Array, postscriptName?: string): TFontkitFont {
    if (postscriptName !== undefined) return fontkit.create(fontData, postscriptName);
    let font = parsed.get(fontData);
    if (!font) {
      font = fontkit.create(fontData);
      parsed.set(fontData, font);
    }
    return font;
  },
};

/** PostScript name of a font buffer, restricted to characters allowed in a PDF name (ISO 32000-1 §7.3.5). */
export function readPostscriptName(fontData: Uint8Array): string {
  return (cachedFontkit.create(fontData).postscriptName ?? '').replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
}
