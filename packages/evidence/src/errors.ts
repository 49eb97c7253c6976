/**
 * The single error base of @inkproof/evidence. Codes are a closed union so callers (CLI exit codes, HTTP status
 * mapping, verification reports) can switch on them exhaustively; tests assert codes, never messages.
 */
export const EVIDENCE_ERROR_CODES = [
  // Merkle log (RFC 9162)
  'MERKLE_INVALID_ARGUMENT',
  'MERKLE_INCLUSION_FAILED',
  'MERKLE_CONSISTENCY_FAILED',
  'STH_INVALID',
  'STH_SIGNATURE_INVALID',
  'STH_TIMESTAMP_INVALID',
  // Manifest
  'MANIFEST_NOT_JSON',
  'MANIFEST_NOT_CANONICAL',
  'MANIFEST_UNSUPPORTED_VERSION',
  'MANIFEST_SCHEMA_INVALID',
  // Item encryption
  'ENCRYPTION_UNSUPPORTED_RECIPIENT',
  'ENCRYPTION_FAILED',
  'DECRYPTION_FAILED',
  // Container
  'CONTAINER_NOT_ZIP',
  'CONTAINER_MIMETYPE_INVALID',
  'CONTAINER_MEMBER_MISSING',
  'CONTAINER_MEMBER_UNEXPECTED',
  'CONTAINER_MEMBER_DUPLICATE',
  'CONTAINER_MEMBER_NAME_INVALID',
  'CONTAINER_MEMBER_ORDER',
  'CONTAINER_CRC_MISMATCH',
  'CONTAINER_LIMIT_EXCEEDED',
  'CONTAINER_CORRUPT',
  // Building
  'BUILD_INVALID_INPUT',
  'SEAL_FAILED',
  'LOG_APPEND_FAILED',
  // Verification steps
  'ITEM_MEMBER_MISSING',
  'ITEM_DIGEST_MISMATCH',
  'ITEM_SIZE_MISMATCH',
  'ENCRYPTED_DIGEST_MISMATCH',
  'SEAL_MISSING',
  'SEAL_INVALID',
  'SEAL_SIGNER_UNTRUSTED',
  'SEAL_TIMESTAMP_MISSING',
  'SEAL_TIMESTAMP_INVALID',
  'EVENT_CERTIFICATE_INVALID',
  'EVENT_DIGEST_MISSING',
  'EVENT_DIGEST_MISMATCH',
  'DOCUMENT_MISSING',
  'DOCUMENT_SIGNATURE_INVALID',
  'DOCUMENT_DIGEST_MISMATCH',
  'DOCUMENT_ORIGINAL_MISMATCH',
  'DOCUMENT_VERIFIER_MISSING',
  'DOCUMENT_SIGNER_MISMATCH',
  'LOG_ENTRY_INVALID',
  'LOG_LEAF_MISMATCH',
  'LOG_INCLUSION_INVALID',
  'LOG_TREE_HEAD_INVALID',
  'LOG_KEY_UNTRUSTED',
  'LOG_TIMESTAMP_INVALID',
  'ESCROW_DECRYPT_FAILED',
  'ESCROW_PLAINTEXT_MISMATCH',
  'INTERNAL',
] as const;

export type EvidenceErrorCode = (typeof EVIDENCE_ERROR_CODES)[number];

export class EvidenceError extends Error {
  override readonly name = 'EvidenceError';
  readonly code: EvidenceErrorCode;
  /** Extra machine-readable detail, e.g. failing field paths of a schema error. */
  readonly details: readonly string[];

  constructor(code: EvidenceErrorCode, message: string, opts: { cause?: unknown; details?: readonly string[] } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.details = opts.details ?? [];
  }
}

export function isEvidenceError(e: unknown, code?: EvidenceErrorCode): e is EvidenceError {
  return e instanceof EvidenceError && (code === undefined || e.code === code);
}
