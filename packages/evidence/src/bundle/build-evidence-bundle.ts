import { signCadesDetached } from '@inkproof/pki';
import { MEMBER } from '../container/member-names.js';
import { type ContainerMember, writeContainer } from '../container/write-container.js';
import { encryptItem } from '../crypto/encrypt-item.js';
import { EvidenceError } from '../errors.js';
import { canonicalJsonBytes } from '../manifest/canonical-json.js';
import type { TManifest, TManifestDocument, TManifestItem } from '../manifest/manifest-schema.js';
import { EVIDENCE_MANIFEST_MEDIA_TYPE_V1 } from '../manifest/media-type.js';
import { serializeManifest } from '../manifest/parse-manifest.js';
import type { TLogEntry } from '../merkle/log-entry.js';
import { sha256, toBase64, toHex } from '../util/bytes.js';
import { digestHex } from '../util/digests.js';
import { readEvidenceDigestExtension } from '../verify/event-certificate-digest.js';
import type { BuildEvidenceBundleInput } from './bundle-input.js';
import { describeEvidence } from './describe-evidence.js';
import { documentMemberPath, itemMemberPath, shouldCompress } from './member-path.js';

function sizeBeforeOf(before: Uint8Array | { size?: number }): { sizeBefore?: number } {
  const size = before instanceof Uint8Array ? before.byteLength : before.size;
  return size ? { sizeBefore: size } : {};
}

export interface BuiltEvidenceBundle {
  /** The container (zip) bytes. */
  zip: Uint8Array;
  manifest: TManifest;
  /** SHA-256 of manifest.json: the transparency-log leaf data. */
  manifestSha256: string;
  logEntry: TLogEntry;
}

/**
 * Seals one signer's sitting: digests and encrypts items, writes the canonical manifest, seals it (CAdES detached +
 * signature timestamp, by the evidence-seal key), appends its digest to the transparency log, and zips everything.
 */
export async function buildEvidenceBundle(input: BuildEvidenceBundleInput): Promise<BuiltEvidenceBundle> {
  const clock = input.clock ?? (() => new Date());
  const now = clock();
  const hashAlgorithms = input.hashAlgorithms ?? ['SHA-256'];
  const { core, evidenceDigest } = describeEvidence(input);
  const bound = readEvidenceDigestExtension(input.eventCertificate);
  if (!bound || toHex(bound) !== evidenceDigest) {
    throw new EvidenceError('BUILD_INVALID_INPUT', 'event certificate does not carry this evidence digest');
  }

  const members: ContainerMember[] = [];
  const documents: TManifestDocument[] = (input.documents ?? []).map((d, i) => {
    const mediaType = d.mediaType ?? 'application/pdf';
    const path = documentMemberPath(d.id, mediaType);
    members.push({ name: path, bytes: d.signed, compress: false });
    return {
      id: d.id,
      ...(d.title === undefined ? {} : { title: d.title }),
      path,
      mediaType,
      sha256Before: core.documents[i]!.sha256Before,
      ...sizeBeforeOf(d.before),
      size: d.signed.byteLength,
      sha256After: digestHex(d.signed, 'SHA-256'),
      ...(hashAlgorithms.includes('SM3') ? { sm3After: digestHex(d.signed, 'SM3') } : {}),
    };
  });

  const items: TManifestItem[] = [];
  for (const [i, item] of input.items.entries()) {
    const plain = core.items[i]!;
    const encrypted = item.encrypt ?? item.kind !== 'other';
    const path = itemMemberPath(item.id, item.mediaType, encrypted);
    if (encrypted) {
      const contentEncryption = input.itemEncryption ?? 'aes-256-cbc';
      const env = await encryptItem(item.bytes, input.escrowCertificate, { contentEncryption });
      members.push({ name: path, bytes: env.bytes, compress: false });
      items.push({
        ...plain,
        path,
        encrypted: true,
        encryption: {
          format: contentEncryption === 'aes-256-gcm' ? 'cms-auth-enveloped-data' : 'cms-enveloped-data',
          contentEncryption,
          recipient: env.recipient,
          size: env.size,
          sha256: env.sha256,
        },
      });
    } else {
      members.push({ name: path, bytes: item.bytes, compress: shouldCompress(item.mediaType, false) });
      items.push({ ...plain, path, encrypted: false });
    }
  }

  const manifest: TManifest = {
    mediaType: EVIDENCE_MANIFEST_MEDIA_TYPE_V1,
    bundleId: input.bundleId,
    envelopeId: input.envelopeId,
    signerId: input.signerId,
    createdAt: now.toISOString(),
    hashAlgorithms,
    signer: input.claims,
    items,
    documents,
    timeline: input.timeline,
    device: input.device,
    evidenceDigest,
    eventCertificate: toBase64(input.eventCertificate),
  };
  const manifestBytes = serializeManifest(manifest);
  const manifestDigest = sha256(manifestBytes);

  let seal: Uint8Array;
  try {
    seal = await signCadesDetached({
      content: manifestBytes,
      signer: input.seal.signer,
      certificate: input.seal.certificate,
      chain: input.seal.chain,
      signingTime: now,
      timestamp: input.seal.tsa,
    });
  } catch (cause) {
    throw new EvidenceError('SEAL_FAILED', 'sealing the manifest failed', { cause });
  }
  let logEntry: TLogEntry;
  try {
    logEntry = await input.log.append(manifestDigest);
  } catch (cause) {
    throw new EvidenceError('LOG_APPEND_FAILED', 'appending to the transparency log failed', { cause });
  }

  const zip = writeContainer(
    [
      { name: MEMBER.manifest, bytes: manifestBytes, compress: true },
      ...members,
      { name: MEMBER.seal, bytes: seal, compress: false },
      { name: MEMBER.log, bytes: canonicalJsonBytes(logEntry), compress: true },
    ],
    now,
  );
  return { zip, manifest, manifestSha256: toHex(manifestDigest), logEntry };
}
