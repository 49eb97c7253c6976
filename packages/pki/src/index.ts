export type { PkiUrls } from './ca/ca-profiles.js';
export { pkiUrls } from './ca/ca-profiles.js';
export { createCertificationRequest, verifyCertificationRequest } from './ca/certification-request.js';
export type { BuiltinPkiExtras, BuiltinPkiOptions } from './ca/create-builtin-pki.js';
export { createBuiltinPki, DEFAULT_PUBLIC_BASE_URL } from './ca/create-builtin-pki.js';
export type { EventCertificateClaims } from './ca/event-certificate-profile.js';
export { readEvidenceDigest } from './ca/evidence-digest-extension.js';
export type { ExternalCaAdapter } from './ca/external-ca-adapter.js';
export { issueEventCredential } from './ca/external-ca-adapter.js';
export type { CertificateIssuer, CertificateTemplate } from './ca/issue-certificate.js';
export type { SignCadesOptions } from './cms/sign-cades-detached.js';
export { signCadesDetached } from './cms/sign-cades-detached.js';
export type { VerifyCadesOptions } from './cms/verify-cades-detached.js';
export { verifyCadesDetached } from './cms/verify-cades-detached.js';
export { fromPem, toPem } from './der/der-codec.js';
export { OID } from './der/oids.js';
export type { PkiErrorCode } from './errors.js';
export { isPkiError, PkiError } from './errors.js';
export { digest } from './hash.js';
export type { PkiHttpHandler } from './http/pki-http-handler.js';
export { createPkiHttpHandler, createTsaHttpHandler } from './http/pki-http-handler.js';
export type { FileKeystoreOptions } from './keystore/file-keystore.js';
export { createFileKeystore } from './keystore/file-keystore.js';
export type { Keystore } from './keystore/keystore.js';
export type { Pkcs11KeystoreOptions } from './keystore/pkcs11-keystore.js';
export { createPkcs11Keystore } from './keystore/pkcs11-keystore.js';
export { digestAlgorithmFor } from './signers/algorithms.js';
export { generateInMemoryKey } from './signers/in-memory-key.js';
export type { KeyHandle } from './signers/key-handle.js';
export { SM2_DEFAULT_USER_ID } from './signers/sm2.js';
export type { TimestampClientOptions } from './tsp/timestamp-client.js';
export { createTimestampClient, tokenFromResponse } from './tsp/timestamp-client.js';
export { buildTimestampRequest } from './tsp/timestamp-request.js';
export type { TsaIdentity } from './tsp/tsa-responder.js';
export { respondToTimestampRequest } from './tsp/tsa-responder.js';
export type { VerifyTimestampOptions } from './tsp/verify-timestamp-token.js';
export { readTstInfo, verifyTimestampToken } from './tsp/verify-timestamp-token.js';
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
export { buildChain } from './validation/build-chain.js';
export { checkRevocation } from './validation/check-revocation.js';
