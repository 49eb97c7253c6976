import { PkiError } from '../errors.js';
import type { TimestampVerification } from '../types.js';

export async function verifyTimestampToken(
  _token: Uint8Array,
  _imprint: Uint8Array,
  _opts: { trustAnchors: Uint8Array[] },
): Promise<TimestampVerification> {
  throw new PkiError('TIMESTAMP_INVALID', 'not implemented yet');
}
