import { readFile } from 'node:fs/promises';
import type { InkStrokes } from '@inkproof/pdf';
import { z } from 'zod';
import { CliError } from './cli-error.js';

const ZSampleSchema = z.object({
  t: z.number().finite(),
  x: z.number().finite(),
  y: z.number().finite(),
  pressure: z.number().min(0).max(1),
});
const ZStrokesSchema = z.array(z.array(ZSampleSchema)).max(10_000);
/** `samples.json`: either the bare `{t,x,y,pressure}[][]` or `{ "strokes": … }`. */
export const ZInkFileSchema = z.union([ZStrokesSchema, z.object({ strokes: ZStrokesSchema })]);

export async function readInkFile(path: string): Promise<InkStrokes> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new CliError('INVALID_INK', `无法读取笔迹文件 / cannot read ink file ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const parsed = ZInkFileSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new CliError('INVALID_INK', `笔迹文件格式错误 / invalid ink file (${where}): expected {t,x,y,pressure}[][]`);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.strokes;
}
