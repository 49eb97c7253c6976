import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer, toDer } from '../der/der-codec.js';
import { minimalUnsignedInteger } from '../der/der-integer.js';
import { PkiError } from '../errors.js';
import { hashLength } from '../hash.js';
import { digestAlgorithmIdentifier } from '../signers/algorithms.js';
import type { HashAlgorithm } from '../types.js';

export interface TimestampRequest {
  der: Uint8Array;
  /** The nonce as sent: minimal DER INTEGER content octets. */
  nonce: Uint8Array;
}

/** 64 random bits, as RFC 3161 §2.4.1 suggests; encoded minimally (a leading 0x00 broke `openssl ts`). */
export function randomNonce(random: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n))): asn1js.Integer {
  return minimalUnsignedInteger(random(8));
}

/** RFC 3161 §2.4.1 TimeStampReq v1 with nonce and certReq TRUE. */
export function buildTimestampRequest(
  imprint: Uint8Array,
  hashAlgorithm: HashAlgorithm,
  random?: (n: number) => Uint8Array,
): TimestampRequest {
  if (imprint.length !== hashLength(hashAlgorithm)) {
    throw new PkiError('INVALID_ARGUMENT', `imprint length ${imprint.length} does not match ${hashAlgorithm}`);
  }
  const nonce = randomNonce(random);
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: digestAlgorithmIdentifier(hashAlgorithm),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
    }),
    nonce,
    certReq: true,
  });
  return { der: toDer(req.toSchema()), nonce: new Uint8Array(nonce.valueBlock.valueHexView) };
}
