import { join } from 'node:path';
import { findPackageDirectory } from './package-directory';
import { DEFAULT_LANG_PATH, resolveTextLangPath } from './trained-data';

/** Files a web app must serve for tesseract.js to run offline in the browser (no CDN). */
export interface TesseractBrowserAssets {
  /** tesseract.js/dist/worker.min.js — serve it and pass its URL as `workerPath`. */
  readonly workerScript: string;
  /** The tesseract.js-core directory; serve its `*.wasm.js` files under one URL prefix and pass that as `corePath`
   * (tesseract.js picks the SIMD / relaxed-SIMD / LSTM-only build the browser supports). */
  readonly coreDirectory: string;
  readonly coreFiles: readonly string[];
  /** The number engine's `<lang>.traineddata` files; serve them under one prefix, pass it as `langPath` with
   * `gzip: false`. */
  readonly trainedData: readonly string[];
  /** The CJK-field model, `chi_sim.traineddata.gz` (20 MB; 44 MB unpacked, legacy engine included); serve it under
   * another prefix (it shares the chi_sim name) and pass that as the text worker's `langPath` with `gzip: true`. */
  readonly textTrainedData: string;
}

/**
 * Absolute paths of the browser assets, resolved from node_modules (also inside a bundled server, see
 * `findPackageDirectory`).
 */
export function listTesseractBrowserAssets(
  langPath: string = DEFAULT_LANG_PATH,
  languages: readonly string[] = ['chi_sim', 'eng'],
): TesseractBrowserAssets {
  const coreDirectory = findPackageDirectory('tesseract.js-core', 'tesseract-core.wasm.js');
  const variants = ['tesseract-core', 'tesseract-core-simd', 'tesseract-core-relaxedsimd'];
  return {
    workerScript: join(findPackageDirectory('tesseract.js', 'dist/worker.min.js'), 'dist', 'worker.min.js'),
    coreDirectory,
    coreFiles: variants.flatMap((v) => [`${v}.wasm.js`, `${v}-lstm.wasm.js`]).map((f) => join(coreDirectory, f)),
    trainedData: languages.map((l) => join(langPath, `${l}.traineddata`)),
    textTrainedData: join(resolveTextLangPath(), 'chi_sim.traineddata.gz'),
  };
}
