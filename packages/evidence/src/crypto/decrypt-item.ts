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
 * RFC 5652 §3 ContentInfo → §6.1 EnvelopedData → EncryptedContentInfo (AES-256-CBC, RFC 3565 §2.3).
 */
export function decryptItem(envelope: Uint8Array, escrowKey: KeyObject | string | Uint8Array): Uint8Array {
  const key = toPrivateKey(escrowKey);
  try {
    const ci = readTlv(envelope, 0);
    if (ci.tag !== 0x30 || ci.end !== envelope.byteLength) fail('not a single DER ContentInfo');
    const [type, explicit] = readChildren(envelope, ci);
    if (oidAt(envelope, type) !== OID.envelopedData || explicit?.tag !== 0xa0) fail('not EnvelopedData');
    const [env] = readChildren(envelope, explicit!);
    if (env?.tag !== 0x30) fail('EnvelopedData is not a SEQUENCE');
    const parts = readChildren(envelope, env!).filter((t) => t.tag !== 0xa0 && t.tag !== 0xa1);
    const [, recipientInfos, eci] = parts;
    if (recipientInfos?.tag !== 0x31 || eci?.tag !== 0x30) fail('EnvelopedData fields missing');
    const contentKey = unwrapContentKey(envelope.subarray(recipientInfos!.offset, recipientInfos!.end), key);

    const [, algorithm, content] = readChildren(envelope, eci!);
    if (algorithm?.tag !== 0x30) fail('no content-encryption algorithm');
    const [algOid, ivTlv] = readChildren(envelope, algorithm!);
    if (oidAt(envelope, algOid) !== OID.aes256Cbc || ivTlv?.tag !== 0x04 || ivTlv.end - ivTlv.start !== 16) {
      fail('content encryption is not AES-256-CBC');
    }
    if (!content) fail('no encrypted content');
    // [0] IMPLICIT OCTET STRING: primitive (DER) or constructed from definite-length segments.
    const ciphertext =
      content!.tag === 0x80
        ? envelope.subarray(content!.start, content!.end)
        : content!.tag === 0xa0
          ? concatBytes(readChildren(envelope, content!).map((s) => envelope.subarray(s.start, s.end)))
          : fail('encrypted content has an unexpected tag');
    const decipher = createDecipheriv('aes-256-cbc', contentKey, envelope.subarray(ivTlv!.start, ivTlv!.end));
    contentKey.fill(0);
    // A wrong key usually surfaces here as a padding error; CBC gives no integrity, digests in the manifest do.
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch (e) {
    if (e instanceof EvidenceError) throw e;
    return fail('item envelope could not be decrypted', e);
  }
}
