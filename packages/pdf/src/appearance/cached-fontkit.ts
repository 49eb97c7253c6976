import fontkit from '@pdf-lib/fontkit';

type Fontkit = typeof fontkit;
type Font = ReturnType<Fontkit['create']>;

const cache = new WeakMap<Uint8Array, Font>();

/**
 * fontkit with `create` memoised per font buffer. Parsing the 11 MB WenQuanYi face (cmap, loca, glyf tables)
 * costs ~100-400 ms; a font object is immutable for subsetting, so one parse serves every appearance.
 */
export const cachedFontkit: Fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string): Font {
    if (postscriptName) return fontkit.create(buffer, postscriptName);
    let font = cache.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      cache.set(buffer, font);
    }
    return font;
  },
};
