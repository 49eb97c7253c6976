import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConsentError } from './consent-error.js';
import { extractTtcFace } from './extract-ttc-face.js';

/** Debian `fonts-wqy-zenhei`: TrueType outlines, which fontkit subsets correctly (CFF CJK subsets are broken). */
export const DEFAULT_CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

const cache = new Map<string, Promise<Uint8Array>>();

async function readFace(path: string, faceIndex: number): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ConsentError(
      missing ? 'FONT_NOT_FOUND' : 'FONT_INVALID',
      `无法读取中文字体 ${path}：请安装 fonts-wqy-zenhei（apt-get install fonts-wqy-zenhei）或设置字体路径（fontPath）。` +
        ` / Cannot read the CJK font ${path}: install fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei) or set the font path (fontPath).`,
      { cause },
    );
  }
  return extractTtcFace(bytes, faceIndex);
}

/**
 * Standalone sfnt bytes of a CJK font (face `faceIndex` of a `.ttc`, or a `.ttf` as is), cached in memory per
 * path so rendering many forms reads and splits the 16 MB collection once. A failed load is not cached.
 */
export function loadCjkFont(path: string = DEFAULT_CJK_FONT_PATH, faceIndex = 0): Promise<Uint8Array> {
  const key = `${resolve(path)}#${faceIndex}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = readFace(key.slice(0, key.lastIndexOf('#')), faceIndex);
    cache.set(key, entry);
    entry.catch(() => cache.delete(key));
  }
  return entry;
}

const facesFromBytes = new WeakMap<Uint8Array, Uint8Array>();

/**
 * Face 0 of caller-supplied font bytes (`.ttc` or `.ttf`), memoised per buffer so that rendering many forms with
 * the same buffer reuses one parsed font.
 */
export function cjkFaceFromBytes(bytes: Uint8Array): Uint8Array {
  let face = facesFromBytes.get(bytes);
  if (!face) {
    face = extractTtcFace(bytes, 0);
    facesFromBytes.set(bytes, face);
  }
  return face;
}

/** Drops cached font bytes (tests, or after the font file was replaced). */
export function clearCjkFontCache(): void {
  cache.clear();
}
