import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer, toDer } from '../der/der-codec.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import { signatureAlgorithmIdentifier } from '../signers/algorithms.js';
import type { CmsSigner } from '../types.js';
import { keyIdentifierOf } from './extensions.js';
import { parseCertificate, truncateToSecond } from './issue-certificate.js';
import { nameDer } from './parse-certificate.js';

const SHA1 = '1.3.14.3.2.26';
const CERT_ID_HASHES: Record<string, string> = { [SHA1]: 'sha1', '2.16.840.1.101.3.4.2.1': 'sha256' };

export type CertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date } | { status: 'unknown' };

export interface OcspResponder {
  certificate: Uint8Array;
  publicKeyInfo: Uint8Array;
  signer: CmsSigner;
}

/** RFC 6960 §4.1.1 CertID hashes of an issuer: name hash over the DER subject, key hash over the key bits. */
export function issuerHashes(
  issuer: pkijs.Certificate,
  hashOid: string,
): { name: Uint8Array; key: Uint8Array } | undefined {
  const alg = CERT_ID_HASHES[hashOid];
  if (!alg) return undefined;
  const name = nameDer(issuer.subject);
  const key = new Uint8Array(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  return {
    name: new Uint8Array(createHash(alg).update(name).digest()),
    key: new Uint8Array(createHash(alg).update(key).digest()),
  };
}

export function certIdMatchesIssuer(certId: pkijs.CertID, issuer: pkijs.Certificate): boolean {
  const h = issuerHashes(issuer, certId.hashAlgorithm.algorithmId);
  if (!h) return false;
  return (
    equalBytes(h.name, new Uint8Array(certId.issuerNameHash.valueBlock.valueHexView)) &&
    equalBytes(h.key, new Uint8Array(certId.issuerKeyHash.valueBlock.valueHexView))
  );
}

/** CertID with SHA-1, the hash RFC 5019 §2.1.1 requires every client and responder to support. */
export function certIdFor(cert: pkijs.Certificate, issuer: pkijs.Certificate): pkijs.CertID {
  const h = issuerHashes(issuer, SHA1) as { name: Uint8Array; key: Uint8Array };
  return new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA1, algorithmParams: new asn1js.Null() }),
    issuerNameHash: new asn1js.OctetString({ valueHex: toArrayBuffer(h.name) }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: toArrayBuffer(h.key) }),
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(cert.serialNumber.valueBlock.valueHexView) }),
  });
}

function statusSchema(s: CertStatus): asn1js.AsnType {
  // CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL }
  if (s.status === 'revoked') {
    return new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 1 },
      value: [new asn1js.GeneralizedTime({ valueDate: truncateToSecond(s.revokedAt) })],
    });
  }
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: s.status === 'good' ? 0 : 2 } });
}

export interface OcspAnswer {
  certId: pkijs.CertID;
  status: CertStatus;
}

/** RFC 6960 §4.2.1 successful response: BasicOCSPResponse signed by the responder, responderID byKey. */
export async function buildOcspResponse(
  responder: OcspResponder,
  answers: OcspAnswer[],
  times: { producedAt: Date; nextUpdate: Date },
  nonce?: pkijs.Extension,
): Promise<Uint8Array> {
  const data = new pkijs.ResponseData();
  // version v1 is DEFAULT and must be absent in DER; PKI.js writes it whenever the property exists.
  delete (data as unknown as { version?: number }).version;
  // PKI.js adds the [2] tag itself: pass the bare OCTET STRING (STANDARDS.md).
  data.responderID = new asn1js.OctetString({ valueHex: toArrayBuffer(keyIdentifierOf(responder.publicKeyInfo)) });
  data.producedAt = truncateToSecond(times.producedAt);
  data.responses = answers.map(
    (a) =>
      new pkijs.SingleResponse({
        certID: a.certId,
        certStatus: statusSchema(a.status),
        thisUpdate: truncateToSecond(times.producedAt),
        nextUpdate: truncateToSecond(times.nextUpdate),
      }),
  );
  if (nonce) data.responseExtensions = [nonce];
  const tbs = toDer(data.toSchema(true));
  data.tbsView = tbs;
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: data,
    signatureAlgorithm: signatureAlgorithmIdentifier(responder.signer.algorithm),
    signature: new asn1js.BitString({ valueHex: toArrayBuffer(await responder.signer.sign(tbs)) }),
    certs: [parseCertificate(responder.certificate)],
  });
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: OID.ocspBasic,
      response: new asn1js.OctetString({ valueHex: toArrayBuffer(toDer(basic.toSchema())) }),
    }),
  });
  return toDer(response.toSchema());
}

/** RFC 6960 §4.2.1 error statuses: malformedRequest(1), internalError(2), unauthorized(6). */
export function ocspErrorResponse(status: 1 | 2 | 6): Uint8Array {
  return toDer(new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) }).toSchema());
}
