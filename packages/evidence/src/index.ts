// Public surface of @inkproof/evidence (pinned by test/public-surface.test.ts).

export { type BuiltEvidenceBundle, buildEvidenceBundle } from './bundle/build-evidence-bundle.js';
export type {
  BuildEvidenceBundleInput,
  DocumentInput,
  EvidenceCoreInput,
  EvidenceItemInput,
} from './bundle/bundle-input.js';
export { describeEvidence } from './bundle/describe-evidence.js';
export { type ContainerLimits, DEFAULT_CONTAINER_LIMITS } from './container/container-limits.js';
export { MEMBER } from './container/member-names.js';
export { type EvidenceContainer, openContainer } from './container/open-container.js';
export { type ContainerEntry, readContainer } from './container/read-container.js';
export { decryptItem } from './crypto/decrypt-item.js';
export { type ContentEncryption, type EncryptedItem, encryptItem, encryptItemStream } from './crypto/encrypt-item.js';
export type { RecipientKind } from './crypto/escrow-recipient.js';
export { EVIDENCE_ERROR_CODES, EvidenceError, type EvidenceErrorCode, isEvidenceError } from './errors.js';
export { inspectEvidenceBundle } from './inspect-evidence-bundle.js';
export { canonicalJsonBytes } from './manifest/canonical-json.js';
export { computeEvidenceDigest, type EvidenceCore, evidenceCoreBytes } from './manifest/evidence-digest.js';
export {
  ITEM_KINDS,
  type TDevice,
  type TItemKind,
  type TManifest,
  type TManifestDocument,
  type TManifestItem,
  type TManifestV1,
  type TSignerClaims,
  type TTimeline,
  ZManifestV1Schema,
} from './manifest/manifest-schema.js';
export { EVIDENCE_CONTAINER_MEDIA_TYPE, EVIDENCE_MANIFEST_MEDIA_TYPE_V1 } from './manifest/media-type.js';
export { assertManifestV1, manifestFromJSON, parseManifest, serializeManifest } from './manifest/parse-manifest.js';
export { EMPTY_ROOT_HASH, hashChildren, hashLeaf, rootFromLeafHashes } from './merkle/hash.js';
export {
  LOG_ENTRY_VERSION,
  parseLogEntry,
  parseLogEntryBytes,
  type TLogEntry,
  type TreeAppender,
  ZLogEntrySchema,
} from './merkle/log-entry.js';
export { MerkleTree } from './merkle/merkle-tree.js';
export {
  parseConsistencyProofWire,
  parseInclusionProofWire,
  type TConsistencyProofWire,
  type TInclusionProofWire,
  ZConsistencyProofWireSchema,
  ZInclusionProofWireSchema,
} from './merkle/proof-wire.js';
export { type HeadPolicy, TransparencyLog } from './merkle/transparency-log.js';
export {
  encodeTreeHeadData,
  LOG_SIGNATURE_ALGORITHMS,
  type LogPublicKey,
  type LogSigner,
  logIdOf,
  parseTreeHead,
  signTreeHead,
  TREE_HEAD_VERSION,
  type TSignedTreeHead,
  treeHeadTimestampImprint,
  verifyTreeHeadSignature,
  ZSignedTreeHeadSchema,
} from './merkle/tree-head.js';
export { MemoryTreeStore, type TreeStore } from './merkle/tree-store.js';
export { type ConsistencyProofInput, verifyConsistency } from './merkle/verify-consistency.js';
export { type InclusionProofInput, rootFromInclusionProof, verifyInclusion } from './merkle/verify-inclusion.js';
export { verifySignedTreeHead, verifyTreeHeadConsistency } from './merkle/verify-tree-heads.js';
export {
  type CourtReportInput,
  maskIdNumber,
  renderCourtReport,
  type SealCourtReportOptions,
  sealCourtReport,
} from './report/index.js';
export { EVIDENCE_DIGEST_EXTENSION_OID, readEvidenceDigestExtension } from './verify/event-certificate-digest.js';
export {
  type EvidenceVerificationReport,
  type PdfVerifier,
  type PdfVerifierResult,
  VERIFICATION_STEPS,
  type VerificationIssue,
  type VerificationStep,
  type VerificationStepName,
  type VerifyEvidenceOptions,
} from './verify/verification-report.js';
export { reportErrorCodes, verifyEvidenceBundle } from './verify/verify-evidence-bundle.js';
