import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

// The runtime exports others build on (server, CLI, court report). Changing this list is an API change: update it
// deliberately, together with CONTEXT.md.
const PINNED = [
  'DEFAULT_CONTAINER_LIMITS',
  'EMPTY_ROOT_HASH',
  'EVIDENCE_CONTAINER_MEDIA_TYPE',
  'EVIDENCE_DIGEST_EXTENSION_OID',
  'EVIDENCE_ERROR_CODES',
  'EVIDENCE_MANIFEST_MEDIA_TYPE_V1',
  'EvidenceError',
  'ITEM_KINDS',
  'LOG_ENTRY_VERSION',
  'LOG_SIGNATURE_ALGORITHMS',
  'MEMBER',
  'MemoryTreeStore',
  'MerkleTree',
  'TREE_HEAD_VERSION',
  'TransparencyLog',
  'VERIFICATION_STEPS',
  'ZConsistencyProofWireSchema',
  'ZInclusionProofWireSchema',
  'ZLogEntrySchema',
  'ZManifestV1Schema',
  'ZSignedTreeHeadSchema',
  'assertManifestV1',
  'buildEvidenceBundle',
  'canonicalJsonBytes',
  'computeEvidenceDigest',
  'decryptItem',
  'describeEvidence',
  'encodeTreeHeadData',
  'encryptItem',
  'encryptItemStream',
  'evidenceCoreBytes',
  'hashChildren',
  'hashLeaf',
  'inspectEvidenceBundle',
  'isEvidenceError',
  'logIdOf',
  'manifestFromJSON',
  'maskIdNumber',
  'openContainer',
  'parseConsistencyProofWire',
  'parseInclusionProofWire',
  'parseLogEntry',
  'parseLogEntryBytes',
  'parseManifest',
  'parseTreeHead',
  'readContainer',
  'readEvidenceDigestExtension',
  'renderCourtReport',
  'reportErrorCodes',
  'rootFromInclusionProof',
  'rootFromLeafHashes',
  'sealCourtReport',
  'serializeManifest',
  'signTreeHead',
  'treeHeadTimestampImprint',
  'verifyConsistency',
  'verifyEvidenceBundle',
  'verifyInclusion',
  'verifySignedTreeHead',
  'verifyTreeHeadConsistency',
  'verifyTreeHeadSignature',
];

describe('public surface', () => {
  it('exports exactly the pinned names', () => {
    expect(Object.keys(api).sort()).toEqual(PINNED);
  });

  it('pins the media types and the error code union', () => {
    expect(api.EVIDENCE_CONTAINER_MEDIA_TYPE).toBe('application/vnd.inkproof.evidence+zip');
    expect(api.EVIDENCE_MANIFEST_MEDIA_TYPE_V1).toBe('application/vnd.inkproof.evidence.v1+json');
    expect(api.EVIDENCE_ERROR_CODES.every((c) => /^[A-Z][A-Z0-9_]+$/.test(c))).toBe(true);
    expect(new Set(api.EVIDENCE_ERROR_CODES).size).toBe(api.EVIDENCE_ERROR_CODES.length);
  });
});
