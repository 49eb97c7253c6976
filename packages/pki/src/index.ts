export type { BuiltinPkiOptions } from './ca/create-builtin-pki.js';
export { createBuiltinPki } from './ca/create-builtin-pki.js';
export type { SignCadesOptions } from './cms/sign-cades-detached.js';
export { signCadesDetached } from './cms/sign-cades-detached.js';
export type { VerifyCadesOptions } from './cms/verify-cades-detached.js';
export { verifyCadesDetached } from './cms/verify-cades-detached.js';
export { fromPem, toPem } from './der/der-codec.js';
export type { PkiErrorCode } from './errors.js';
export { isPkiError, PkiError } from './errors.js';
export { digest } from './hash.js';
export { digestAlgorithmFor } from './signers/algorithms.js';
export { generateInMemoryKey } from './signers/in-memory-key.js';
export type { KeyHandle } from './signers/key-handle.js';
export { SM2_DEFAULT_USER_ID } from './signers/sm2.js';
export { verifyTimestampToken } from './tsp/verify-timestamp-token.js';
export type {
  BuiltinPki,
  CmsSigner,
  CmsVerification,
  EventCertificateRequest,
  EventCredential,
  HashAlgorithm,
  KeyAlgorithm,
  RevocationData,
  TimestampClient,
  TimestampVerification,
  VerificationIssue,
} from './types.js';
