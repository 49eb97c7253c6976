import { EvidenceError } from '../errors.js';
import { canonicalJsonBytes } from './canonical-json.js';
import { type TManifest, ZManifestV1Schema } from './manifest-schema.js';
import { EVIDENCE_MANIFEST_MEDIA_TYPE_V1 } from './media-type.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The edge where manifest bytes become a typed manifest: strict UTF-8, JSON, RFC 8785 canonical form (the seal covers
 * these exact bytes, and one canonical form means no two byte strings carry the same meaning), then the schema chosen
 * by the explicit media-type version switch.
 */
export function parseManifest(bytes: Uint8Array): TManifest {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (cause) {
    throw new EvidenceError('MANIFEST_NOT_JSON', 'manifest.json is not UTF-8 JSON', { cause });
  }
  const canonical = canonicalJsonBytes(value);
  if (canonical.byteLength !== bytes.byteLength || !canonical.every((b, i) => b === bytes[i])) {
    throw new EvidenceError('MANIFEST_NOT_CANONICAL', 'manifest.json is not in RFC 8785 canonical form');
  }
  return manifestFromJSON(value);
}

/** Version switch over an already-parsed JSON value. */
export function manifestFromJSON(value: unknown): TManifest {
  const mediaType =
    typeof value === 'object' && value !== null ? (value as { mediaType?: unknown }).mediaType : undefined;
  switch (mediaType) {
    case EVIDENCE_MANIFEST_MEDIA_TYPE_V1:
      return assertManifestV1(value);
    default:
      throw new EvidenceError('MANIFEST_UNSUPPORTED_VERSION', `unsupported manifest media type ${String(mediaType)}`);
  }
}

export function assertManifestV1(value: unknown): TManifest {
  const r = ZManifestV1Schema.safeParse(value);
  if (!r.success) {
    const details = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new EvidenceError('MANIFEST_SCHEMA_INVALID', 'manifest.json does not match the v1 schema', { details });
  }
  return r.data;
}

export function serializeManifest(manifest: TManifest): Uint8Array {
  return canonicalJsonBytes(assertManifestV1(manifest));
}
