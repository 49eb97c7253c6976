import { AppError } from '../../errors';

/**
 * Reads an upload into memory, refusing it as soon as it passes `maxBytes` (the declared length is checked first,
 * the stream is counted in case it lies). Accepts a raw body or multipart/form-data with a `file` field.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${maxBytes >> 20} MB / File larger than ${maxBytes >> 20} MB`);
  if (declared > maxBytes + 64 * 1024) throw tooLarge();
  if (!request.body) throw new AppError('VALIDATION_FAILED', '未收到文件 / No file received');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes + 64 * 1024) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    if (body.byteLength > maxBytes) throw tooLarge();
    return body;
  }
  const form = await new Response(body, { headers: { 'content-type': type } }).formData();
  const file = form.get('file');
  if (!file || typeof file === 'string') throw new AppError('VALIDATION_FAILED', '未收到文件 / No file received');
  if (file.size > maxBytes) throw tooLarge();
  return new Uint8Array(await file.arrayBuffer());
}
