import { EvidenceError } from '../errors.js';
import { computeEvidenceDigest, type EvidenceCore } from '../manifest/evidence-digest.js';
import { digestHex } from '../util/digests.js';
import type { EvidenceCoreInput } from './bundle-input.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const HEX256 = /^[0-9a-f]{64}$/;

/**
 * Digests every captured item and fixes the evidence core. Call it before issuing the event certificate and put
 * `evidenceDigest` (as bytes) in EventCertificateRequest.evidenceDigest; the builder recomputes the same value.
 */
export function describeEvidence(input: EvidenceCoreInput): { core: EvidenceCore; evidenceDigest: string } {
  const algorithms = input.hashAlgorithms ?? ['SHA-256'];
  const sm3 = algorithms.includes('SM3');
  const ids = new Set<string>();
  for (const id of [...input.items.map((i) => i.id), ...input.documents.map((d) => d.id)]) {
    if (!ID.test(id) || ids.has(id))
      throw new EvidenceError('BUILD_INVALID_INPUT', `item id ${JSON.stringify(id)} is invalid or repeated`);
    ids.add(id);
  }
  const core: EvidenceCore = {
    signer: input.claims,
    timeline: input.timeline,
    device: input.device,
    items: input.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      mediaType: item.mediaType,
      size: item.bytes.byteLength,
      sha256: digestHex(item.bytes, 'SHA-256'),
      ...(sm3 ? { sm3: digestHex(item.bytes, 'SM3') } : {}),
    })),
    documents: input.documents.map((d) => {
      const sha256Before = d.before instanceof Uint8Array ? digestHex(d.before, 'SHA-256') : d.before.sha256;
      if (!HEX256.test(sha256Before)) throw new EvidenceError('BUILD_INVALID_INPUT', `document ${d.id}: bad digest`);
      return { id: d.id, sha256Before };
    }),
  };
  return { core, evidenceDigest: computeEvidenceDigest(core) };
}
