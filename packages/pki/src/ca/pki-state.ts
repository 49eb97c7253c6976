import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PkiError } from '../errors.js';

/** Media type of the persisted built-in PKI state; bump with a migration when the shape changes. */
export const PKI_STATE_MEDIA_TYPE = 'application/vnd.inkproof.pki-state.v1+json';

const ZBase64Schema = z.string().regex(/^[A-Za-z0-9+/]+=*$/);

export const ZPkiStateSchema = z.object({
  mediaType: z.literal(PKI_STATE_MEDIA_TYPE),
  certificates: z.object({
    root: ZBase64Schema,
    eventCa: ZBase64Schema,
    tsa: ZBase64Schema,
    ocsp: ZBase64Schema,
    evidenceSeal: ZBase64Schema,
  }),
  revoked: z.array(
    z.object({
      issuer: z.enum(['root', 'event-ca']),
      serialHex: z.string().regex(/^[0-9a-f]+$/),
      revokedAt: z.iso.datetime(),
    }),
  ),
});
export type TPkiState = z.infer<typeof ZPkiStateSchema>;

const FILE = 'pki-state.json';

export async function readPkiState(dir: string): Promise<TPkiState | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, FILE), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PkiError('KEYSTORE_CORRUPT', undefined, { cause });
  }
  const parsed = ZPkiStateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new PkiError('KEYSTORE_CORRUPT', `${FILE}: ${parsed.error.message}`);
  return parsed.data;
}

export async function writePkiState(dir: string, state: TPkiState): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, join(dir, FILE));
}

export const b64 = {
  encode: (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64'),
  decode: (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64')),
};
