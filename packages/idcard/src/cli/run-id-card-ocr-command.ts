import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { maskIdNumber } from '../id-number/mask-id-number';
import { IdCardError, isIdCardError } from '../idcard-error';
import { createIdCardReader } from '../ocr/id-card-reader';
import type { IdCardOcrResult } from '../ocr/id-card-result';

export interface IdCardCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Base for relative image paths; defaults to process.cwd(). */
  readonly cwd?: string;
}

export const ID_CARD_COMMAND_USAGE = [
  'inkproof idcard ocr IMAGE… [--json] [--unmask] [--lang-path DIR] [--text-lang-path DIR] [--workers N]',
  '  识别身份证正面照片 / read the front of ID cards from photos (offline OCR)',
  '  --json        每张图片一个对象的 JSON 数组 / JSON array, one object per image (full ID number)',
  '  --unmask      文本输出显示完整号码 / show the full ID number in text output (masked by default)',
  '  --lang-path   号码用 chi_sim/eng traineddata 目录 / ID-number traineddata directory',
  '                (default /usr/share/tesseract-ocr/5/tessdata)',
  '  --text-lang-path  文字栏 chi_sim 模型目录 / chi_sim model directory for the text fields',
  '                (default: @tesseract.js-data/chi_sim 4.0.0 in node_modules)',
  '  --workers     并行识别数 / OCR workers (default 1)',
  '  exit: 0 all read, 1 some image failed, 2 usage',
].join('\n');

/** One JSON object per image, in argument order. */
export interface IdCardOcrJsonEntry extends Omit<IdCardOcrResult, 'warnings'> {
  readonly file: string;
  readonly warnings: readonly string[];
  readonly error?: { readonly code: string; readonly message: string };
}

/** `inkproof idcard ocr IMAGE… [--json]`; `args` are the words after `idcard`. Returns the exit code, never throws. */
export async function runIdCardOcrCommand(args: readonly string[], io: IdCardCommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === undefined) {
    io.stderr(`${ID_CARD_COMMAND_USAGE}\n`);
    return 2;
  }
  let reader: Awaited<ReturnType<typeof createIdCardReader>>;
  try {
    reader = await createIdCardReader({
      workers: parsed.workers,
      ...(parsed.langPath ? { langPath: parsed.langPath } : {}),
      ...(parsed.textLangPath ? { textLangPath: parsed.textLangPath } : {}),
    });
  } catch (error) {
    io.stderr(`${describeError(error).message}\n`);
    return 1;
  }
  try {
    const entries = await Promise.all(parsed.files.map((file) => readOne(reader, file, io.cwd ?? process.cwd())));
    if (parsed.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    else for (const entry of entries) io.stdout(formatText(entry, parsed.unmask));
    for (const entry of entries)
      if (entry.error && parsed.json) io.stderr(`${entry.file}: [${entry.error.code}] ${entry.error.message}\n`);
    return entries.some((e) => e.error !== undefined) ? 1 : 0;
  } finally {
    await reader.close();
  }
}

interface ParsedArgs {
  files: string[];
  json: boolean;
  unmask: boolean;
  langPath?: string;
  textLangPath?: string;
  workers: number;
}

function parseArgs(args: readonly string[]): ParsedArgs | undefined {
  const [sub, ...rest] = args;
  if (sub !== 'ocr') return undefined;
  const parsed: ParsedArgs = { files: [], json: false, unmask: false, workers: 1 };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--json') parsed.json = true;
    else if (arg === '--unmask') parsed.unmask = true;
    else if (arg === '--lang-path' && rest[i + 1] !== undefined) parsed.langPath = rest[++i];
    else if (arg === '--text-lang-path' && rest[i + 1] !== undefined) parsed.textLangPath = rest[++i];
    else if (arg === '--workers' && /^[1-8]$/.test(rest[i + 1] ?? '')) parsed.workers = Number(rest[++i]);
    else if (arg.startsWith('-')) return undefined;
    else parsed.files.push(arg);
  }
  return parsed.files.length > 0 ? parsed : undefined;
}

async function readOne(
  reader: Awaited<ReturnType<typeof createIdCardReader>>,
  file: string,
  cwd: string,
): Promise<IdCardOcrJsonEntry> {
  try {
    const bytes = await readFile(resolve(cwd, file)).catch((cause: unknown) => {
      throw new IdCardError('IMAGE_UNREADABLE', '无法读取文件 / The file cannot be read', { cause });
    });
    return { file, ...(await reader.recognize(new Uint8Array(bytes))) };
  } catch (error) {
    return { file, ...EMPTY_RESULT, error: describeError(error) };
  }
}

const EMPTY_RESULT: Omit<IdCardOcrResult, 'warnings'> & { warnings: string[] } = {
  name: null,
  sex: null,
  ethnicity: null,
  birthDate: null,
  address: null,
  idNumber: null,
  idNumberValid: false,
  confidence: { name: 0, sex: 0, ethnicity: 0, birthDate: 0, address: 0, idNumber: 0 },
  warnings: [],
};

function describeError(error: unknown): { code: string; message: string } {
  if (isIdCardError(error)) return { code: error.code, message: error.message };
  return { code: 'OCR_FAILED', message: '识别失败 / Recognition failed' };
}

function formatText(entry: IdCardOcrJsonEntry, unmask: boolean): string {
  if (entry.error) return `${entry.file}\n  错误 / error: [${entry.error.code}] ${entry.error.message}\n`;
  const c = entry.confidence;
  const show = (value: string | null, confidence: number) =>
    value === null ? '—' : `${value} (${confidence.toFixed(2)})`;
  const sex = entry.sex === null ? null : entry.sex === 'male' ? '男 / male' : '女 / female';
  const number = entry.idNumber === null ? null : unmask ? entry.idNumber : maskIdNumber(entry.idNumber);
  const lines = [
    entry.file,
    `  姓名 / name:          ${show(entry.name, c.name)}`,
    `  性别 / sex:           ${show(sex, c.sex)}`,
    `  民族 / ethnicity:     ${show(entry.ethnicity, c.ethnicity)}`,
    `  出生 / birth date:    ${show(entry.birthDate, c.birthDate)}`,
    `  住址 / address:       ${show(entry.address, c.address)}`,
    `  公民身份号码 / ID no.: ${show(number, c.idNumber)} ${entry.idNumberValid ? '有效 / valid' : '无效 / NOT valid'}`,
  ];
  if (entry.warnings.length > 0) lines.push(`  提示 / warnings:      ${entry.warnings.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
