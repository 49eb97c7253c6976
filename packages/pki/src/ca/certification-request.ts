import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseDer, toArrayBuffer, toDer } from '../der/der-codec.js';
import { PkiError } from '../errors.js';
import { signatureAlgorithmIdentifier } from '../signers/algorithms.js';
import type { KeyHandle } from '../signers/key-handle.js';
import { verifySignature } from '../signers/verify-signature.js';
import { buildName } from './distinguished-name.js';

/** PKCS#10 (RFC 2986) signed by the key itself as proof of possession; the CA takes the subject from claims. */
export async function createCertificationRequest(key: KeyHandle, commonName: string): Promise<Uint8Array> {
  const csr = new pkijs.CertificationRequest();
  csr.version = 0;
  csr.subject = buildName({ commonName });
  csr.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({ schema: parseDer(key.publicKeyInfo, 'SPKI') });
  csr.attributes = [];
  const algorithm = signatureAlgorithmIdentifier(key.algorithm);
  csr.signatureAlgorithm = algorithm;
  // encodeTBS is protected in the typings only; PKI.js sign() uses it the same way.
  const tbs = toDer((csr as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS());
  csr.tbsView = tbs;
  csr.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(await key.signer.sign(tbs)) });
  return toDer(csr.toSchema());
}

/** Returns the SubjectPublicKeyInfo of a CSR after checking its self-signature (RFC 2986 §3). */
export function verifyCertificationRequest(der: Uint8Array): Uint8Array {
  const csr = new pkijs.CertificationRequest({ schema: parseDer(der, 'CertificationRequest') });
  const spki = toDer(csr.subjectPublicKeyInfo.toSchema());
  const ok = verifySignature({
    spki,
    algorithm: csr.signatureAlgorithm,
    data: new Uint8Array(csr.tbsView),
    signature: new Uint8Array(csr.signatureValue.valueBlock.valueHexView),
  });
  if (!ok) throw new PkiError('SIGNATURE_INVALID', 'CSR proof of possession failed');
  return spki;
}
