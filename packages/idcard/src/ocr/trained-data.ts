import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { IdCardError } from '../idcard-error';
import { keepLstmComponents } from './keep-lstm-components';
import { findPackageDirectory } from './package-directory';

/** Debian's `tesseract-ocr-chi-sim` / `-eng` packages (fast LSTM models, uncompressed): the ID-number models. */
export const DEFAULT_LANG_PATH = '/usr/share/tesseract-ocr/5/tessdata';

/**
 * The chi_sim model for the CJK fields: `@tesseract.js-data/chi_sim` `4.0.0/chi_sim.traineddata.gz`, the tessdata
 * 4.0.0 release whose LSTM is integerised from tessdata_best. (The package's `4.0.0_best_int` carries the same
 * network as Debian's fast model and reads names no better.) Resolved from node_modules when a reader starts, so
 * plain `npm ci` provides it and nothing is fetched at run time.
 */
export function resolveTextLangPath(): string {
  return join(findPackageDirectory(TEXT_MODEL_PACKAGE, '4.0.0/chi_sim.traineddata.gz'), '4.0.0');
}

const TEXT_MODEL_PACKAGE = '@tesseract.js-data/chi_sim';

/** Where tesseract.js workers load a set of languages from; `release` once every worker has started. */
export interface StagedTrainedData {
  readonly langPath: string;
  readonly gzip: boolean;
  release(): Promise<void>;
}

/**
 * Makes the languages of `languages` ('chi_sim+eng' style) loadable from `langPath`. Plain `<lang>.traineddata`
 * files are used where they lie. Gzipped `<lang>.traineddata.gz` files (the npm model package) are unpacked once,
 * cut down to their LSTM components and written to a private temporary directory: the 44 MB tessdata file is
 * mostly the legacy engine, which OEM LSTM_ONLY never uses, and loading it whole costs ~180 MB per worker. Fails
 * fast with OCR_FAILED when a file is missing (a worker would hang on it). URLs are not checked and must serve
 * uncompressed files.
 */
export async function stageTrainedData(langPath: string, languages: readonly string[]): Promise<StagedTrainedData> {
  const asIs = (gzip: boolean) => ({ langPath, gzip, release: () => Promise.resolve() });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(langPath)) return asIs(false);
  const names = [...new Set(languages.flatMap((l) => l.split('+')))];
  const kinds = await Promise.all(names.map((name) => findModelFile(langPath, name)));
  const missing = names.find((_, i) => kinds[i] === undefined);
  if (missing !== undefined) {
    const file = join(langPath, `${missing}.traineddata`);
    throw new IdCardError('OCR_FAILED', `缺少文字识别模型 ${missing} / OCR model ${missing} is missing (${file})`);
  }
  if (kinds.every((k) => k === 'plain')) return asIs(false);
  const models = await Promise.all(names.map((name, i) => loadLstmModel(langPath, name, kinds[i] === 'gzip')));
  let directory: string;
  try {
    directory = await mkdtemp(join(tmpdir(), 'inkproof-tessdata-'));
    await Promise.all(names.map((name, i) => writeFile(join(directory, `${name}.traineddata`), models[i] ?? [])));
  } catch {
    // No writable temporary directory: the workers unpack the full files themselves (more memory, same result).
    return kinds.every((k) => k === 'gzip') ? asIs(true) : asIs(false);
  }
  return { langPath: directory, gzip: false, release: () => rm(directory, { recursive: true, force: true }) };
}

async function loadLstmModel(langPath: string, name: string, isGzipped: boolean): Promise<Uint8Array> {
  const file = join(langPath, `${name}.traineddata${isGzipped ? '.gz' : ''}`);
  try {
    const bytes = await readFile(file);
    return keepLstmComponents(isGzipped ? await promisify(gunzip)(bytes) : bytes);
  } catch (cause) {
    throw new IdCardError('OCR_FAILED', `文字识别模型 ${name} 无法读取 / OCR model ${name} is unreadable (${file})`, {
      cause,
    });
  }
}

async function findModelFile(langPath: string, name: string): Promise<'plain' | 'gzip' | undefined> {
  const exists = (file: string) =>
    access(join(langPath, file)).then(
      () => true,
      () => false,
    );
  if (await exists(`${name}.traineddata`)) return 'plain';
  if (await exists(`${name}.traineddata.gz`)) return 'gzip';
  return undefined;
}
