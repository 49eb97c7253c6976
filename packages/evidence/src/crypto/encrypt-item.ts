import { createCipheriv, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { EvidenceError } from '../errors.js';
import { concatBytes } from '../util/bytes.js';
import { derHeader } from '../util/der.js';
import { escrowRecipientOf, type RecipientKind } from './escrow-recipient.js';
import { OID } from './oids.js';
import { buildRecipientInfos } from './recipient-infos.js';

export type ContentEncryption = 'aes-256-cbc' | 'aes-256-gcm';

/** One encrypted item: the DER ContentInfo and the digest the manifest records for it. */
export interface EncryptedItem {
  bytes: Uint8Array;
  size: number;
  sha256: string;
  recipient: RecipientKind;
  contentEncryption: ContentEncryption;
}

const der = (node: asn1js.BaseBlock) => new Uint8Array(node.toBER());
const oid = (value: string) => der(new asn1js.ObjectIdentifier({ value }));

/**
 * DER bytes up to the first ciphertext byte and the bytes after the last one. DER lengths precede the content,
 * so the plaintext size must be known; everything else is computed from it.
 *   CBC: ContentInfo(id-envelopedData, EnvelopedData { version, recipientInfos, EncryptedContentInfo })  RFC 5652 §6.1
 *   GCM: ContentInfo(id-ct-authEnvelopedData, AuthEnvelopedData { 0, recipientInfos, EncryptedContentInfo, mac })
 *        RFC 5083 §2.1, AES-GCM parameters per RFC 5084 §3.2 (12-byte nonce, 16-byte ICV); no authAttrs, which
 *        openssl 3.0 mis-tags (STANDARDS.md).
 */
function envelopeFrame(
  mode: ContentEncryption,
  kind: RecipientKind,
  recipientInfos: Uint8Array,
  iv: Uint8Array,
  cipherLength: number,
) {
  const gcm = mode === 'aes-256-gcm';
  const algorithm = gcm
    ? der(
        new asn1js.Sequence({
          value: [
            new asn1js.ObjectIdentifier({ value: OID.aes256Gcm }),
            new asn1js.Sequence({
              value: [new asn1js.OctetString({ valueHex: iv.slice(0, 12).buffer }), new asn1js.Integer({ value: 16 })],
            }),
          ],
        }),
      )
    : der(
        new asn1js.Sequence({
          value: [
            new asn1js.ObjectIdentifier({ value: OID.aes256Cbc }),
            new asn1js.OctetString({ valueHex: iv.slice().buffer }),
          ],
        }),
      );
  const macLength = gcm ? 18 : 0; // OCTET STRING of the 16-byte tag
  const eciHead = concatBytes([oid(OID.data), algorithm, derHeader(0x80, cipherLength)]);
  const eci = concatBytes([derHeader(0x30, eciHead.byteLength + cipherLength), eciHead]);
  // RFC 5652 §6.1: EnvelopedData version 0 when every recipient is a v0 KeyTransRecipientInfo, else 2; RFC 5083: 0.
  const version = der(new asn1js.Integer({ value: gcm || kind === 'rsa-oaep-sha256' ? 0 : 2 }));
  const envHead = concatBytes([version, recipientInfos, eci]);
  const envelope = concatBytes([derHeader(0x30, envHead.byteLength + cipherLength + macLength), envHead]);
  const explicit = concatBytes([derHeader(0xa0, envelope.byteLength + cipherLength + macLength), envelope]);
  const type = oid(gcm ? OID.authEnvelopedData : OID.envelopedData);
  const prefix = concatBytes([
    derHeader(0x30, type.byteLength + explicit.byteLength + cipherLength + macLength),
    type,
    explicit,
  ]);
  return { prefix };
}

/**
 * Streams plaintext chunks into a DER envelope for the escrow certificate (RSA-OAEP-SHA-256 or ECDH P-256 + AES-256
 * key wrap): AES-256-CBC EnvelopedData by default, or AES-256-GCM AuthEnvelopedData. Memory stays flat: only the
 * recipient info is built in memory, the content goes through a Node cipher chunk by chunk.
 */
export async function* encryptItemStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  plaintextSize: number,
  escrowCertificate: Uint8Array,
  opts: { contentEncryption?: ContentEncryption } = {},
): AsyncGenerator<Uint8Array> {
  const mode = opts.contentEncryption ?? 'aes-256-cbc';
  const ri = await buildRecipientInfos(escrowCertificate);
  // CBC with PKCS#7 padding always adds 1..16 bytes (RFC 5652 §6.3); GCM adds none.
  const cipherLength = mode === 'aes-256-gcm' ? plaintextSize : (Math.floor(plaintextSize / 16) + 1) * 16;
  const { prefix } = envelopeFrame(mode, ri.kind, ri.der, ri.iv, cipherLength);
  const cipher =
    mode === 'aes-256-gcm'
      ? createCipheriv('aes-256-gcm', ri.contentKey, ri.iv.subarray(0, 12), { authTagLength: 16 })
      : createCipheriv('aes-256-cbc', ri.contentKey, ri.iv);
  ri.contentKey.fill(0);
  yield prefix;
  let seen = 0;
  for await (const chunk of chunks) {
    seen += chunk.byteLength;
    if (seen > plaintextSize) break;
    const out = cipher.update(chunk);
    if (out.byteLength > 0) yield new Uint8Array(out);
  }
  if (seen !== plaintextSize) {
    throw new EvidenceError('ENCRYPTION_FAILED', `item has ${seen}+ bytes, ${plaintextSize} were announced`);
  }
  const last = new Uint8Array(cipher.final());
  if (last.byteLength > 0) yield last;
  if (mode === 'aes-256-gcm') {
    const tag = (cipher as ReturnType<typeof createCipheriv> & { getAuthTag(): Buffer }).getAuthTag();
    yield concatBytes([derHeader(0x04, tag.byteLength), new Uint8Array(tag)]);
  }
}

/** Encrypts one in-memory item; also returns the digest of the envelope the manifest records. */
export async function encryptItem(
  plaintext: Uint8Array,
  escrowCertificate: Uint8Array,
  opts: { contentEncryption?: ContentEncryption } = {},
): Promise<EncryptedItem> {
  const parts: Uint8Array[] = [];
  const hash = createHash('sha256');
  for await (const part of encryptItemStream([plaintext], plaintext.byteLength, escrowCertificate, opts)) {
    parts.push(part);
    hash.update(part);
  }
  const bytes = concatBytes(parts);
  return {
    bytes,
    size: bytes.byteLength,
    sha256: hash.digest('hex'),
    recipient: escrowRecipientOf(escrowCertificate).kind,
    contentEncryption: opts.contentEncryption ?? 'aes-256-cbc',
  };
}
