import type { PadesLevel } from '../sign/pades-level.js';

/** Closed set of verification findings. Tests and callers switch on these codes. */
export type PdfIssueCode =
  // structure and coverage (ISO 32000-1 §12.8.1, ETSI EN 319 142-1 §5.1)
  | 'UNREADABLE'
  | 'BYTE_RANGE_INVALID'
  | 'COVERAGE_GAP'
  | 'COVERAGE_PARTIAL'
  | 'TRAILING_BYTES'
  | 'SUBFILTER_UNSUPPORTED'
  | 'ENCAPSULATED_CONTENT'
  // cryptography (RFC 5652, RFC 5035, RFC 3161, RFC 5280), mostly reported by @inkproof/pki
  | 'CMS_INVALID'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'UNSUPPORTED_ALGORITHM'
  | 'CHAIN_INVALID'
  | 'CERT_NOT_YET_VALID'
  | 'CERT_EXPIRED'
  | 'CERT_REVOKED'
  | 'REVOCATION_UNKNOWN'
  | 'TIMESTAMP_INVALID'
  | 'DSS_CORRUPT'
  // revision analysis: what an update after a signature changed
  | 'SIGNATURE_REMOVED'
  | 'DOCMDP_VIOLATION'
  | 'FIELDMDP_VIOLATION'
  | 'SIGNATURE_CHANGED'
  | 'REVISION_PAGE_CONTENT_CHANGED'
  | 'REVISION_PAGE_CHANGED'
  | 'REVISION_ANNOTATION_ADDED'
  | 'REVISION_ANNOTATION_REMOVED'
  | 'REVISION_FIELD_ADDED'
  | 'REVISION_FIELD_REMOVED'
  | 'REVISION_FORM_CHANGED'
  | 'REVISION_CATALOG_CHANGED'
  | 'REVISION_TRAILER_CHANGED'
  | 'REVISION_SHARED_APPEARANCE'
  | 'REVISION_OBJECT_REPLACED'
  | 'REVISION_OBJECT_REMOVED';

export interface PdfIssue {
  code: PdfIssueCode;
  message: string;
  /** Revision (0-based) where the finding was made, when it belongs to one. */
  revision?: number;
  /** Object number concerned, when one. */
  object?: number;
}

export type Verdict = 'VALID' | 'INDETERMINATE' | 'INVALID';

/** pyHanko-compatible coverage classes. */
export type Coverage = 'ENTIRE_FILE' | 'ENTIRE_REVISION' | 'CONTIGUOUS_BLOCK_FROM_START' | 'UNCLEAR';

/** What the revisions after a signature changed, from harmless to suspicious. */
export type ModificationLevel = 'NONE' | 'LTA_UPDATES' | 'FORM_FILLING' | 'OTHER';

export interface SignatureReport {
  fieldName: string;
  kind: 'signature' | 'doc-timestamp';
  subFilter: string | undefined;
  /** Revision whose end the signed data reaches. */
  revision: number;
  byteRange: number[] | undefined;
  coverage: Coverage;
  /** Digest over the byte ranges matches the signed digest. */
  intact: boolean;
  /** The CMS signature value verifies. */
  signatureValid: boolean;
  /** The signer chain ends in a trust anchor at the validation time. */
  trusted: boolean;
  signerSubject?: string;
  signerCertificate?: Uint8Array;
  /** /M of the signature dictionary (claimed, not trusted). */
  claimedSigningTime?: Date;
  /** Time asserted by a valid time-stamp (signature time-stamp, or the token itself for a document time-stamp). */
  timestampTime?: Date;
  validatedAt: Date;
  level: PadesLevel | 'NONE';
  modifications: ModificationLevel;
  removed: boolean;
  verdict: Verdict;
  issues: PdfIssue[];
}

export interface RevisionReport {
  index: number;
  start: number;
  end: number;
  kind: 'table' | 'stream' | 'hybrid';
  /** Signatures whose signed data ends with this revision. */
  signatures: string[];
  modifications: ModificationLevel;
  issues: PdfIssue[];
}

export interface PdfVerificationReport {
  verdict: Verdict;
  signatures: SignatureReport[];
  revisions: RevisionReport[];
  /** Findings that belong to the document rather than one signature. */
  issues: PdfIssue[];
  validatedAt: Date;
}

export const worstVerdict = (...v: Verdict[]): Verdict =>
  v.includes('INVALID') ? 'INVALID' : v.includes('INDETERMINATE') ? 'INDETERMINATE' : 'VALID';

export const LEVEL_ORDER: ModificationLevel[] = ['NONE', 'LTA_UPDATES', 'FORM_FILLING', 'OTHER'];

export const maxLevel = (a: ModificationLevel, b: ModificationLevel): ModificationLevel =>
  LEVEL_ORDER.indexOf(a) >= LEVEL_ORDER.indexOf(b) ? a : b;
