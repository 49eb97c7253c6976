import { sha256, toHex } from '../util/bytes.js';
import { canonicalJsonBytes } from './canonical-json.js';
import type { TDevice, TItemKind, TSignerClaims, TTimeline } from './manifest-schema.js';

/**
 * What was captured at the sitting, fixed before the event certificate is issued. The certificate's evidence-digest
 * extension carries SHA-256(JCS(core)); it cannot cover the whole manifest, which lists the signed documents and the
 * certificate itself. Encrypted forms are excluded too: encryption happens later and is randomised.
 */
export interface EvidenceCore {
  signer: TSignerClaims;
  timeline: TTimeline;
  device: TDevice;
  items: { id: string; kind: TItemKind; mediaType: string; size: number; sha256: string; sm3?: string | undefined }[];
  documents: { id: string; sha256Before: string }[];
}

export function evidenceCoreBytes(core: EvidenceCore): Uint8Array {
  return canonicalJsonBytes({
    v: 1,
    signer: core.signer,
    timeline: core.timeline,
    device: core.device,
    items: core.items.map(({ id, kind, mediaType, size, sha256, sm3 }) =>
      sm3 === undefined ? { id, kind, mediaType, size, sha256 } : { id, kind, mediaType, size, sha256, sm3 },
    ),
    documents: core.documents.map(({ id, sha256Before }) => ({ id, sha256Before })),
  });
}

/** Hex SHA-256 of the evidence core: the value for EventCertificateRequest.evidenceDigest (as bytes). */
export function computeEvidenceDigest(core: EvidenceCore): string {
  return toHex(sha256(evidenceCoreBytes(core)));
}
