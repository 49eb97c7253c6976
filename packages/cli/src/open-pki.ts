import { join, resolve } from 'node:path';
import { createBuiltinPki } from '@inkproof/pki';
import type { CliIo } from './command.js';

/** `--data-dir` (default ./data); the built-in CA lives in `<data-dir>/pki`, created on first use. */
export function pkiDir(io: CliIo, dataDir: string | undefined): string {
  return join(resolve(io.cwd, dataDir ?? 'data'), 'pki');
}

export function openPki(io: CliIo, dataDir: string | undefined) {
  return createBuiltinPki({ dir: pkiDir(io, dataDir), passphrase: io.env['INKPROOF_PKI_PASSPHRASE'] });
}
