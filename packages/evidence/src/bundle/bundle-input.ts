import type { CmsSigner, TimestampClient } from '@inkproof/pki';
import type { ContentEncryption } from '../crypto/encrypt-item.js';
import type { TDevice, TItemKind, TSignerClaims, TTimeline } from '../manifest/manifest-schema.js';
import type { TreeAppender } from '../merkle/log-entry.js';

export interface EvidenceItemInput {
  /** Stable id within the bundle: letters, digits, `.`, `_`, `-`. */
  id: string;
  kind: TItemKind;
  mediaType: string;
  bytes: Uint8Array;
  /** Defaults to true for every biometric or identity kind (all but 'other'). */
  encrypt?: boolean;
}

export interface DocumentInput {
  id: string;
  title?: string;
  mediaType?: 'application/pdf' | 'application/ofd';
  /** The document as presented (bytes) or its SHA-256 (hex) and optionally size. */
  before: Uint8Array | { sha256: string; size?: number };
  /** The signed document. */
  signed: Uint8Array;
}

/** What is known before the event certificate is issued — enough to compute its evidence digest. */
export interface EvidenceCoreInput {
  claims: TSignerClaims;
  timeline: TTimeline;
  device: TDevice;
  items: EvidenceItemInput[];
  documents: Pick<DocumentInput, 'id' | 'before'>[];
  /** ['SHA-256'] by default; ['SHA-256', 'SM3'] in SM mode. */
  hashAlgorithms?: ('SHA-256' | 'SM3')[];
}

export interface BuildEvidenceBundleInput extends EvidenceCoreInput {
  bundleId: string;
  envelopeId: string;
  signerId: string;
  documents: DocumentInput[];
  /** Event (signer) certificate, DER; its evidence-digest extension must equal describeEvidence(...).evidenceDigest. */
  eventCertificate: Uint8Array;
  /** Records-escrow certificate (RSA or EC P-256), DER. */
  escrowCertificate: Uint8Array;
  /** Item envelopes: AES-256-CBC EnvelopedData (default) or AES-256-GCM AuthEnvelopedData (RFC 5083). */
  itemEncryption?: ContentEncryption;
  seal: { signer: CmsSigner; certificate: Uint8Array; chain: Uint8Array[]; tsa: TimestampClient };
  log: TreeAppender;
  clock?: () => Date;
}
