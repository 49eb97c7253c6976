import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { truncateToSecond } from '../ca/issue-certificate.js';
import { buildSignedData } from '../cms/build-signed-data.js';
import {
  contentTypeAttribute,
  messageDigestAttribute,
  signingCertificateV2Attribute,
} from '../cms/signed-attributes.js';
import { parseDer, toArrayBuffer, toDer } from '../der/der-codec.js';
import { randomSerial, toMinimalUnsignedIntegerBytes } from '../der/der-integer.js';
import { OID } from '../der/oids.js';
import { PkiError } from '../errors.js';
import { digest, hashFromOid, hashLength } from '../hash.js';
import { digestAlgorithmFor, digestAlgorithmIdentifier } from '../signers/algorithms.js';
import type { CmsSigner, HashAlgorithm } from '../types.js';

export interface TsaIdentity {
  signer: CmsSigner;
  certificate: Uint8Array;
  /** Issuer certificates, included in tokens when certReq is set (RFC 3161 §2.4.1 only requires the TSA's own). */
  chain: Uint8Array[];
  clock: () => Date;
  policy?: string;
}

export interface TokenRequest {
  imprint: Uint8Array;
  hashAlgorithm: HashAlgorithm;
  nonce?: asn1js.Integer;
  certReq: boolean;
}

/** PKIFailureInfo bits (RFC 3161 §2.4.2). */
const FAILURE = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  systemFailure: 25,
};

function rejection(bit: number, text: string): Uint8Array {
  const bytes = new Uint8Array(4);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  const used = (bit >> 3) + 1;
  const failInfo = new asn1js.BitString({
    valueHex: toArrayBuffer(bytes.subarray(0, used)),
    unusedBits: 7 - (bit & 7),
  });
  const status = new pkijs.PKIStatusInfo({
    status: 2,
    statusStrings: [new asn1js.Utf8String({ value: text })],
    failInfo,
  });
  return toDer(new pkijs.TimeStampResp({ status }).toSchema());
}

/** TSTInfo (RFC 3161 §2.4.2) in a SignedData whose signed attributes are DER-sorted and carry ESSCertIDv2. */
export async function issueTimestampToken(tsa: TsaIdentity, req: TokenRequest): Promise<Uint8Array> {
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: tsa.policy ?? OID.tsaPolicy,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: digestAlgorithmIdentifier(req.hashAlgorithm),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(req.imprint) }),
    }),
    serialNumber: randomSerial((n) => new Uint8Array(randomBytes(n))),
    genTime: truncateToSecond(tsa.clock()),
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
  });
  // ordering DEFAULT FALSE must be absent in DER.
  delete (tst as unknown as { ordering?: boolean }).ordering;
  if (req.nonce) {
    const bytes = toMinimalUnsignedIntegerBytes(new Uint8Array(req.nonce.valueBlock.valueHexView));
    tst.nonce = new asn1js.Integer({ valueHex: toArrayBuffer(bytes) });
  }
  const eContent = toDer(tst.toSchema());
  const hash = digestAlgorithmFor(tsa.signer.algorithm);
  return buildSignedData({
    eContentType: OID.tstInfo,
    eContent,
    signer: tsa.signer,
    certificate: tsa.certificate,
    certificates: req.certReq ? [tsa.certificate, ...tsa.chain] : [],
    signedAttributes: [
      contentTypeAttribute(OID.tstInfo),
      messageDigestAttribute(digest(hash, eContent)),
      signingCertificateV2Attribute(tsa.certificate),
    ],
  });
}

function grantedResponse(token: Uint8Array): Uint8Array {
  const resp = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: 0 }),
    timeStampToken: new pkijs.ContentInfo({ schema: parseDer(token, 'TimeStampToken') }),
  });
  return toDer(resp.toSchema());
}

/** Answers a DER TimeStampReq with a DER TimeStampResp; malformed requests get a rejection, not an exception. */
export async function respondToTimestampRequest(tsa: TsaIdentity, requestDer: Uint8Array): Promise<Uint8Array> {
  let req: pkijs.TimeStampReq;
  try {
    req = new pkijs.TimeStampReq({ schema: parseDer(requestDer, 'TimeStampReq') });
  } catch {
    return rejection(FAILURE.badDataFormat, 'malformed TimeStampReq');
  }
  if (req.version !== 1) return rejection(FAILURE.badRequest, 'unsupported version');
  let hashAlgorithm: HashAlgorithm;
  try {
    hashAlgorithm = hashFromOid(req.messageImprint.hashAlgorithm.algorithmId);
  } catch {
    return rejection(FAILURE.badAlg, 'unsupported hash algorithm');
  }
  const imprint = new Uint8Array(req.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (imprint.length !== hashLength(hashAlgorithm)) return rejection(FAILURE.badDataFormat, 'imprint length');
  if (req.reqPolicy && req.reqPolicy !== (tsa.policy ?? OID.tsaPolicy)) {
    return rejection(FAILURE.unacceptedPolicy, 'policy not supported');
  }
  if (req.extensions && req.extensions.length > 0) return rejection(FAILURE.unacceptedExtension, 'no extensions');
  try {
    const token = await issueTimestampToken(tsa, {
      imprint,
      hashAlgorithm,
      ...(req.nonce ? { nonce: req.nonce } : {}),
      certReq: req.certReq === true,
    });
    return grantedResponse(token);
  } catch (cause) {
    if (cause instanceof PkiError && cause.code === 'KEY_DESTROYED') throw cause;
    return rejection(FAILURE.systemFailure, 'signing failed');
  }
}
