import { PkiError } from '../errors.js';
import type { BuiltinPki } from '../types.js';

export interface BuiltinPkiOptions {
  dir: string;
  passphrase?: string;
  publicBaseUrl?: string;
  clock?: () => Date;
}

export async function createBuiltinPki(_opts: BuiltinPkiOptions): Promise<BuiltinPki> {
  throw new PkiError('CA_ERROR', 'not implemented yet');
}
