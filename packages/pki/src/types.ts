import type { PkiErrorCode } from './errors.js';

export type KeyAlgorithm = 'ECDSA-P256' | 'ECDSA-P384' | 'RSA-2048' | 'RSA-PSS-2048' | 'SM2';
export type HashAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SM3';

/**
 * A private key that can sign; hashing is done inside according to the algorithm
 * (SHA-256/384, SM3 with Z-value for SM2). The result is in the encoding X.509 and CMS carry:
 * DER ECDSA-Sig-Value / SM2Signature for EC keys, the raw octets for RSA.
 */
export interface CmsSigner {
  readonly algorithm: KeyAlgorithm;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface TimestampClient {
  /** Returns a DER TimeStampToken (ContentInfo/SignedData) over the given message imprint. Throws PkiError('TSA_UNAVAILABLE') if no TSA answers. */
  timestamp(imprint: Uint8Array, hashAlgorithm?: HashAlgorithm): Promise<Uint8Array>;
}

export interface EventCredential {
  /** The event (leaf) certificate. */
  certificate: Uint8Array;
  /** Issuer certificates up to and including the root. */
  chain: Uint8Array[];
  signer: CmsSigner;
  /** After this, signer.sign throws PkiError('KEY_DESTROYED'). */
  destroy(): Promise<void>;
}

export interface EventCertificateRequest {
  name: string;
  role: string;
  relationship?: string;
  /** Salted hash (hex) of the ID number, never the number itself. */
  idNumberHash?: string;
  /** SHA-256 of the evidence manifest (private extension, see CONTEXT.md). */
  evidenceDigest?: Uint8Array;
  validityMinutes?: number;
  algorithm?: KeyAlgorithm;
}

export interface RevocationData {
  crls: Uint8Array[];
  ocsps: Uint8Array[];
}

export interface BuiltinPki {
  rootCertificate: Uint8Array;
  rootPem: string;
  eventCaCertificate: Uint8Array;
  tsaCertificate: Uint8Array;
  ocspCertificate: Uint8Array;
  evidenceSeal: { certificate: Uint8Array; chain: Uint8Array[]; signer: CmsSigner };
  /** In-process built-in TSA. */
  tsa: TimestampClient;
  issueEventCertificate(req: EventCertificateRequest): Promise<EventCredential>;
  /** CRL + OCSP responses for DSS / verification. */
  revocationData(certificates: Uint8Array[]): Promise<RevocationData>;
  /** Current CRL (DER) of the named CA, as served at `${publicBaseUrl}/pki/<ca>.crl`. */
  crl(ca?: 'root' | 'event-ca'): Promise<Uint8Array>;
  /** Answers a DER OCSPRequest with a DER OCSPResponse, as served at `${publicBaseUrl}/pki/ocsp`. */
  ocspRespond(requestDer: Uint8Array): Promise<Uint8Array>;
  /** Answers a DER TimeStampReq with a DER TimeStampResp, as served at `${publicBaseUrl}/pki/tsa`. */
  tsaRespond(requestDer: Uint8Array): Promise<Uint8Array>;
  /** Marks a certificate as revoked (reason unspecified) from `at` (default now). */
  revoke(certificate: Uint8Array, at?: Date): Promise<void>;
  /** Releases keys (PKCS#11 sessions); the object is unusable afterwards. */
  close(): Promise<void>;
  readonly publicBaseUrl: string;
}

export interface VerificationIssue {
  code: PkiErrorCode;
  message: string;
}

export interface TimestampVerification {
  valid: boolean;
  genTime?: Date;
  tsaCertificate?: Uint8Array;
  /** The TSA certificate chain as built up to the trust anchor. */
  chain?: Uint8Array[];
  errors: VerificationIssue[];
}

export interface CmsVerification {
  valid: boolean;
  signerCertificate?: Uint8Array;
  /** Leaf first, ending with the trust anchor. */
  chain: Uint8Array[];
  /** The moment the chain was validated at. */
  validatedAt: Date;
  signingTime?: Date;
  signatureTimestamp?: { genTime?: Date; valid: boolean; token: Uint8Array; errors: VerificationIssue[] };
  errors: VerificationIssue[];
}
