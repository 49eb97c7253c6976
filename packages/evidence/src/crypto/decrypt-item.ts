import { createDecipheriv, type KeyObject } from 'node:crypto';
import { EvidenceError } from '../errors.js';
import { concatBytes } from '../util/bytes.js';
import { decodeOid, readChildren, readTlv, type Tlv } from '../util/der.js';
import { OID } from './oids.js';
import { toPrivateKey, unwrapContentKey } from './unwrap-content-key.js';

const fail = (why: string, cause?: unknown): never => {
  throw new EvidenceError('DECRYPTION_FAILED', why, cause === undefined ? {} : { cause });
};

function oidAt(buf: Uint8Array, t: Tlv | undefined): string {
  if (t?.tag !== 0x06) return fail('expected an OBJECT IDENTIFIER');
  return decodeOid(buf.subarray(t!.start, t!.end));
}

/**
 * Opens an item envelope with the records-escrow key (the "--escrow-key" verification step). The DER is walked by
 * hand so the content is never handed to an ASN.1 library with its size limits (STANDARDS.md: asn1js stops at
 * 16 MiB per value); only the small recipientInfos SET goes through PKI.js.
 * RFC 5652 §3 ContentInfo → §6.1 EnvelopedData (AES-256-CBC, RFC 3565) or RFC 5083 AuthEnvelopedData (AES-256-GCM).
 */
export function decryptItem(envelope: Uint8Array, escrowKey: KeyObject | string | Uint8Array): Uint8Array {
  const key = toPrivateKey(escrowKey);
  try {
    const ci = readTlv(envelope, 0);
    if (ci.tag !== 0x30 || ci.end !== envelope.byteLength) fail('not a single DER ContentInfo');
    const [type, explicit] = readChildren(envelope, ci);
    const contentType = oidAt(envelope, type);
    const isGcm = contentType === OID.authEnvelopedData;
    if ((!isGcm && contentType !== OID.envelopedData) || explicit?.tag !== 0xa0) fail('not (Auth)EnvelopedData');
    const [env] = readChildren(envelope, explicit!);
    if (env?.tag !== 0x30) fail('EnvelopedData is not a SEQUENCE');
    // Skip originatorInfo [0], authAttrs [1], unprotected/unauthAttrs [1]/[2]: version, recipientInfos, ECI, (mac).
    const parts = readChildren(envelope, env!).filter((t) => t.tag < 0xa0);
    const [, recipientInfos, eci, mac] = parts;
    if (recipientInfos?.tag !== 0x31 || eci?.tag !== 0x30) fail('EnvelopedData fields missing');
    const contentKey = unwrapContentKey(envelope.subarray(recipientInfos!.offset, recipientInfos!.end), key);

    const [, algorithm, content] = readChildren(envelope, eci!);
    if (algorithm?.tag !== 0x30) fail('no content-encryption algorithm');
    const [algOid, params] = readChildren(envelope, algorithm!);
    if (!content) fail('no encrypted content');
    // [0] IMPLICIT OCTET STRING: primitive (DER) or constructed from definite-length segments.
    const ciphertext =
      content!.tag === 0x80
        ? envelope.subarray(content!.start, content!.end)
        : content!.tag === 0xa0
          ? concatBytes(readChildren(envelope, content!).map((s) => envelope.subarray(s.start, s.end)))
          : fail('encrypted content has an unexpected tag');
    const plain = isGcm
      ? openGcm(envelope, oidAt(envelope, algOid), params, mac, contentKey, ciphertext)
      : openCbc(envelope, oidAt(envelope, algOid), params, contentKey, ciphertext);
    contentKey.fill(0);
    return plain;
  } catch (e) {
    if (e instanceof EvidenceError) throw e;
    return fail('item envelope could not be decrypted', e);
  }
}

/** RFC 3565 §2.3: AES-256-CBC, parameters = the 16-byte IV. CBC has no integrity: digests in the manifest do. */
function openCbc(
  buf: Uint8Array,
  alg: string,
  iv: Tlv | undefined,
  key: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  if (alg !== OID.aes256Cbc || iv?.tag !== 0x04 || iv.end - iv.start !== 16)
    fail('content encryption is not AES-256-CBC');
  const decipher = createDecipheriv('aes-256-cbc', key, buf.subarray(iv!.start, iv!.end));
  return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

/** RFC 5084 §3.2 GCMParameters { aes-nonce OCTET STRING, aes-ICVlen INTEGER DEFAULT 12 }; RFC 5083 mac = the tag. */
function openGcm(
  buf: Uint8Array,
  alg: string,
  params: Tlv | undefined,
  mac: Tlv | undefined,
  key: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  if (alg !== OID.aes256Gcm || params?.tag !== 0x30 || mac?.tag !== 0x04) fail('content encryption is not AES-256-GCM');
  const [nonce, icvLen] = readChildren(buf, params!);
  const tagLength = icvLen?.tag === 0x02 ? buf[icvLen.end - 1]! : 12;
  if (nonce?.tag !== 0x04 || mac!.end - mac!.start !== tagLength) fail('bad GCM parameters');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(nonce!.start, nonce!.end), {
    authTagLength: tagLength,
  });
  decipher.setAuthTag(buf.subarray(mac!.start, mac!.end));
  // final() throws on a wrong tag: nothing of a forged plaintext is returned.
  return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}
