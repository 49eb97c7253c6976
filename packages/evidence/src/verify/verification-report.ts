import type { KeyObject } from 'node:crypto';
import type { RevocationData } from '@inkproof/pki';
import type { ContainerLimits } from '../container/container-limits.js';
import type { EvidenceContainer } from '../container/open-container.js';
import type { EvidenceErrorCode } from '../errors.js';
import type { TManifest } from '../manifest/manifest-schema.js';
import type { LogPublicKey } from '../merkle/tree-head.js';

export const VERIFICATION_STEPS = [
  'container',
  'manifest',
  'members',
  'items',
  'seal',
  'event-certificate',
  'documents',
  'log',
  'escrow',
] as const;
export type VerificationStepName = (typeof VERIFICATION_STEPS)[number];

export interface VerificationIssue {
  code: EvidenceErrorCode;
  message: string;
  /** Container member concerned, when there is one. */
  member?: string;
  details?: readonly string[];
}

export interface VerificationStep {
  step: VerificationStepName;
  status: 'pass' | 'fail' | 'skipped';
  errors: VerificationIssue[];
  /** Human-readable facts established by the step (e.g. seal time, log index), for reports. */
  facts: Record<string, string | number | boolean>;
}

/** Result of verifyEvidenceBundle — plain JSON, ready for `--json`, HTTP responses and the court report. */
export interface EvidenceVerificationReport {
  /** True when no step failed and every mandatory step ran. */
  valid: boolean;
  bundleId?: string;
  manifestSha256?: string;
  steps: VerificationStep[];
}

/** Result shape the injected PDF verifier must return; extra fields are carried into facts when primitive. */
export interface PdfVerifierResult {
  valid: boolean;
  /** Signer certificates (DER) of the document's signatures, if the verifier reports them. */
  signerCertificates?: Uint8Array[];
  [key: string]: unknown;
}
export type PdfVerifier = (pdf: Uint8Array) => Promise<PdfVerifierResult>;

export interface VerifyEvidenceOptions {
  /** Root certificates (DER) trusted for the seal, its timestamp and the log head timestamp. */
  trustAnchors: Uint8Array[];
  /** Records-escrow private key: when given, encrypted items are opened and their plaintext digests checked. */
  escrowKey?: KeyObject | string | Uint8Array;
  /** Verifies each signed document (signatures, revision analysis). Without it the documents step is skipped. */
  pdfVerifier?: PdfVerifier;
  /** Log keys to pin; without them the head is checked against the key the bundle carries and a fact notes it. */
  trustedLogKeys?: LogPublicKey[];
  /** Evidence-seal certificates (DER) to pin; without them any non-event certificate under a trust anchor may seal. */
  sealCertificates?: Uint8Array[];
  revocation?: RevocationData;
  limits?: Partial<ContainerLimits>;
}

/** State threaded through the pipeline; each step reads what earlier steps established. */
export interface VerificationContext {
  zip: Uint8Array;
  options: VerifyEvidenceOptions;
  container?: EvidenceContainer;
  manifest?: TManifest;
}
