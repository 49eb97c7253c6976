import { AppError } from '../errors';

/**
 * Reads a JSON body with a hard byte limit (413 above it, counted while streaming so a lying Content-Length
 * cannot get past) and a clear 400 for malformed JSON.
 */
export async function readJson(request: Request, limitBytes: number): Promise<unknown> {
  return parseJsonBytes(await readBody(request, limitBytes, JSON_TYPE));
}

export const JSON_TYPE = /^application\/([a-z.+-]*\+)?json\b/i;

export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new AppError('MALFORMED_JSON', 'JSON 格式错误 / Malformed JSON body');
  }
}

/** Reads the raw body (for content that must be hashed exactly as sent), with the same limit rules. */
export async function readBody(request: Request, limitBytes: number, contentType: RegExp): Promise<Uint8Array> {
  const type = request.headers.get('content-type') ?? '';
  if (!contentType.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `不支持的内容类型 / Unsupported content type: ${type || '(none)'}`);
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const reader = request.body?.getReader();
  if (!reader) throw new AppError('MALFORMED_JSON', '请求体为空 / Empty body');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `请求体超过 ${limit} 字节 / Body exceeds ${limit} bytes`, { limitBytes: limit });
