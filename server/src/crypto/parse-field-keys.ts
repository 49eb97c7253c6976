import { DataError } from '../db/data-error';

/**
 * Parses a key ring from configuration: `id1:secret1,id2:secret2` — the first entry is the current key, the others
 * only decrypt older rows. Secrets must not contain `,`; a secret may contain `:`.
 */
export function parseFieldKeys(spec: string): { keys: Record<string, string>; currentKeyId: string } {
  const keys: Record<string, string> = {};
  let currentKeyId: string | undefined;
  for (const entry of spec.split(',')) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon).trim();
    const secret = entry.slice(colon + 1).trim();
    if (colon <= 0 || !secret) throw new DataError('CIPHER_CONFIG_INVALID', 'Field keys must look like id:secret,…');
    if (id in keys) throw new DataError('CIPHER_CONFIG_INVALID', `Duplicate field key id: ${id}`);
    keys[id] = secret;
    currentKeyId ??= id;
  }
  if (!currentKeyId) throw new DataError('CIPHER_CONFIG_INVALID', 'No field keys configured');
  return { keys, currentKeyId };
}
