import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ServerSecrets {
  /** Field-encryption keys by id, the current id and the lookup-hash pepper. */
  fieldKeys: Record<string, string>;
  currentFieldKeyId: string;
  pepper: string;
  pkiPassphrase: string;
}

/**
 * Secrets come from INKPROOF_SECRET (production: set it, keep it in a vault) — or, for the embedded default, are
 * generated once into `${dataDir}/secrets.json` (mode 0600). Losing that file makes encrypted columns unreadable,
 * so it is never regenerated over an existing one.
 */
export function loadSecrets(
  dataDir: string,
  configured: { secret?: string | undefined; pkiPassphrase?: string | undefined },
): ServerSecrets {
  if (configured.secret) {
    return {
      fieldKeys: { k1: `${configured.secret}:field` },
      currentFieldKeyId: 'k1',
      pepper: `${configured.secret}:pepper`,
      pkiPassphrase: configured.pkiPassphrase ?? `${configured.secret}:pki`,
    };
  }
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as ServerSecrets;
    return configured.pkiPassphrase ? { ...stored, pkiPassphrase: configured.pkiPassphrase } : stored;
  }
  const fresh: ServerSecrets = {
    fieldKeys: { k1: randomBytes(32).toString('base64url') },
    currentFieldKeyId: 'k1',
    pepper: randomBytes(32).toString('base64url'),
    pkiPassphrase: configured.pkiPassphrase ?? randomBytes(24).toString('base64url'),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
  return fresh;
}
