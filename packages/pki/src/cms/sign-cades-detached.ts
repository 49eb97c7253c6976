import { PkiError } from '../errors.js';
import type { CmsSigner, TimestampClient } from '../types.js';

export interface SignCadesOptions {
  content?: Uint8Array;
  digest?: Uint8Array;
  signer: CmsSigner;
  certificate: Uint8Array;
  chain?: Uint8Array[];
  signingTime?: Date;
  timestamp?: TimestampClient;
}

export async function signCadesDetached(_opts: SignCadesOptions): Promise<Uint8Array> {
  throw new PkiError('CMS_INVALID', 'not implemented yet');
}
