import { PkiError } from '../errors.js';
import type { CmsVerification, RevocationData } from '../types.js';

export interface VerifyCadesOptions {
  trustAnchors: Uint8Array[];
  at?: Date;
  revocation?: RevocationData;
}

export async function verifyCadesDetached(
  _cms: Uint8Array,
  _content: Uint8Array | { digest: Uint8Array },
  _opts: VerifyCadesOptions,
): Promise<CmsVerification> {
  throw new PkiError('CMS_INVALID', 'not implemented yet');
}
