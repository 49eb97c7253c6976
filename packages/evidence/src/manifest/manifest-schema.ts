import { z } from 'zod';
import { ZCanonicalBase64 } from '../util/canonical-base64.js';
import { EVIDENCE_MANIFEST_MEDIA_TYPE_V1 } from './media-type.js';

const ZHex256 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256/SM3 digest');
const ZText = z.string().max(4096);
const ZShortText = z.string().min(1).max(256);
const ZInstant = z.iso.datetime({ offset: true });
/** Member names: relative, forward slashes, no dot segments, conservative characters (zip slip defence). */
export const ZMemberPath = z
  .string()
  .max(200)
  .regex(/^(?:items|documents)\/[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/, 'member path');

export const ZSignerClaimsSchema = z.strictObject({
  name: ZShortText,
  role: ZShortText,
  relationship: ZShortText.optional(),
  /** Salted hash (hex) of the ID number — the number itself never enters the bundle in clear. */
  idNumberHash: z
    .string()
    .regex(/^[0-9a-f]{32,128}$/)
    .optional(),
  ocr: z
    .strictObject({
      engine: ZShortText.optional(),
      fields: z.array(z.strictObject({ name: ZShortText, value: ZText, confidence: z.number().min(0).max(1) })).max(64),
    })
    .optional(),
  identityChecks: z
    .array(
      z.strictObject({
        check: ZShortText,
        result: z.enum(['pass', 'fail', 'not-done']),
        at: ZInstant.optional(),
        detail: ZText.optional(),
      }),
    )
    .max(64),
});

export const ZTimelineSchema = z.strictObject({
  startedAt: ZInstant,
  completedAt: ZInstant,
  pages: z
    .array(
      z.strictObject({
        document: ZShortText,
        page: z.number().int().min(1),
        shownAt: ZInstant,
        durationMs: z.number().int().min(0),
      }),
    )
    .max(10_000),
  scrolledToEnd: z.boolean(),
  notices: z.array(z.strictObject({ id: ZShortText, text: ZText.optional(), acceptedAt: ZInstant })).max(256),
  quiz: z
    .array(
      z.strictObject({ question: ZText, answer: ZText, isCorrect: z.boolean().optional(), at: ZInstant.optional() }),
    )
    .max(256),
  handCopiedPhrase: z
    .strictObject({ expected: ZText, recognized: ZText.optional(), isMatch: z.boolean().optional() })
    .optional(),
  events: z.array(z.strictObject({ at: ZInstant, type: ZShortText, detail: ZText.optional() })).max(10_000),
});

export const ZDeviceSchema = z.strictObject({
  model: ZShortText.optional(),
  platform: ZShortText.optional(),
  userAgent: ZText.optional(),
  ip: z.string().max(64).optional(),
  inputType: z.enum(['pen', 'touch', 'mouse', 'pad', 'unknown']),
  capabilities: z.record(z.string().max(64), z.union([z.boolean(), z.number(), z.string().max(256)])),
  sampleRateHz: z.number().min(0).optional(),
  /** Device clock minus server clock, measured at each sync (ms). */
  clockOffsetsMs: z.array(z.number()).max(1000),
});

export const ITEM_KINDS = [
  'ink',
  'ink-iso19794-7',
  'photo',
  'fingerprint',
  'id-card',
  'ocr',
  'audio',
  'other',
] as const;

export const ZItemSchema = z.strictObject({
  id: ZShortText,
  kind: z.enum(ITEM_KINDS),
  /** Member holding the stored bytes (ciphertext `.p7m` when encrypted). */
  path: ZMemberPath,
  /** Media type, size and digests of the plaintext. */
  mediaType: ZShortText,
  size: z.number().int().min(0),
  sha256: ZHex256,
  sm3: ZHex256.optional(),
  encrypted: z.boolean(),
  /** For encrypted items: the stored CMS EnvelopedData (CBC has no integrity of its own, STANDARDS.md). */
  encryption: z
    .strictObject({
      /** EnvelopedData (RFC 5652) with CBC, or AuthEnvelopedData (RFC 5083) with GCM. */
      format: z.enum(['cms-enveloped-data', 'cms-auth-enveloped-data']),
      contentEncryption: z.enum(['aes-256-cbc', 'aes-256-gcm']),
      recipient: z.enum(['rsa-oaep-sha256', 'ecdh-p256']),
      size: z.number().int().min(0),
      sha256: ZHex256,
    })
    .optional(),
});

export const ZDocumentSchema = z.strictObject({
  id: ZShortText,
  title: ZText.optional(),
  path: ZMemberPath,
  mediaType: z.enum(['application/pdf', 'application/ofd']),
  /** Digest of the document as presented for reading, before signing. */
  sha256Before: ZHex256,
  /**
   * Size of the document as presented. For PDFs, signing only appends incremental updates (ISO 32000-1 §7.5.6), so
   * the first `sizeBefore` bytes of the signed file must hash to sha256Before: what was read is what was signed.
   */
  sizeBefore: z.number().int().min(1).optional(),
  /** Size and digest of the signed document stored at `path`. */
  size: z.number().int().min(0),
  sha256After: ZHex256,
  sm3After: ZHex256.optional(),
});

export const ZManifestV1Schema = z
  .strictObject({
    mediaType: z.literal(EVIDENCE_MANIFEST_MEDIA_TYPE_V1),
    bundleId: ZShortText,
    envelopeId: ZShortText,
    signerId: ZShortText,
    createdAt: ZInstant,
    hashAlgorithms: z.array(z.enum(['SHA-256', 'SM3'])).min(1),
    signer: ZSignerClaimsSchema,
    items: z.array(ZItemSchema).max(256),
    documents: z.array(ZDocumentSchema).min(1).max(32),
    timeline: ZTimelineSchema,
    device: ZDeviceSchema,
    /** SHA-256 (hex) of the evidence core (computeEvidenceDigest); equals the event certificate's extension. */
    evidenceDigest: ZHex256,
    /** The event (signer) certificate, DER base64. */
    eventCertificate: ZCanonicalBase64.max(16_384),
  })
  .superRefine((m, ctx) => {
    const paths = [...m.items.map((i) => i.path), ...m.documents.map((d) => d.path)];
    paths.forEach((p, i) => {
      if (paths.indexOf(p) !== i)
        ctx.addIssue({ code: 'custom', message: `duplicate member path ${p}`, path: ['items'] });
    });
    m.items.forEach((item, i) => {
      if (item.encrypted !== (item.encryption !== undefined)) {
        ctx.addIssue({ code: 'custom', message: 'encrypted flag and encryption block disagree', path: ['items', i] });
      }
      const e = item.encryption;
      if (e && (e.format === 'cms-auth-enveloped-data') !== (e.contentEncryption === 'aes-256-gcm')) {
        ctx.addIssue({
          code: 'custom',
          message: 'GCM goes with AuthEnvelopedData only',
          path: ['items', i, 'encryption'],
        });
      }
      if (m.hashAlgorithms.includes('SM3') && item.sm3 === undefined) {
        ctx.addIssue({ code: 'custom', message: 'SM3 digest required in SM mode', path: ['items', i, 'sm3'] });
      }
    });
  });

export type TManifestV1 = z.infer<typeof ZManifestV1Schema>;
export type TManifest = TManifestV1;
export type TSignerClaims = z.infer<typeof ZSignerClaimsSchema>;
export type TTimeline = z.infer<typeof ZTimelineSchema>;
export type TDevice = z.infer<typeof ZDeviceSchema>;
export type TManifestItem = z.infer<typeof ZItemSchema>;
export type TManifestDocument = z.infer<typeof ZDocumentSchema>;
export type TItemKind = (typeof ITEM_KINDS)[number];
