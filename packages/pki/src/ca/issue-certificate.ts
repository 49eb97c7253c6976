import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseDer, toArrayBuffer, toDer } from '../der/der-codec.js';
import { randomSerial } from '../der/der-integer.js';
import { PkiError } from '../errors.js';
import { signatureAlgorithmIdentifier } from '../signers/algorithms.js';
import type { CmsSigner } from '../types.js';
import { authorityKeyIdentifier, subjectKeyIdentifier } from './extensions.js';
import { parseCertificate } from './parse-certificate.js';

export interface CertificateIssuer {
  /** The issuer's certificate; absent for a self-signed certificate. */
  certificate?: Uint8Array;
  signer: CmsSigner;
  /** Issuer SubjectPublicKeyInfo (for the authority key identifier). */
  publicKeyInfo: Uint8Array;
}

export interface CertificateTemplate {
  subject: pkijs.RelativeDistinguishedNames;
  publicKeyInfo: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  extensions: pkijs.Extension[];
}

/** Times within a second: DER UTCTime/GeneralizedTime carry no fractions (RFC 5280 §4.1.2.5). */
export function truncateToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function certificateTime(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: truncateToSecond(date) });
}

/** Builds, signs (with any CmsSigner, HSM keys included) and DER-encodes an X.509 v3 certificate. */
export async function issueCertificate(template: CertificateTemplate, issuer: CertificateIssuer): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = randomSerial((n) => new Uint8Array(randomBytes(n)));
  const algorithm = signatureAlgorithmIdentifier(issuer.signer.algorithm);
  cert.signature = algorithm;
  cert.signatureAlgorithm = algorithm;
  cert.subject = template.subject;
  cert.issuer = issuer.certificate ? parseCertificate(issuer.certificate).subject : template.subject;
  cert.notBefore = certificateTime(template.notBefore);
  cert.notAfter = certificateTime(template.notAfter);
  cert.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({ schema: parseDer(template.publicKeyInfo, 'SPKI') });
  cert.extensions = [
    subjectKeyIdentifier(template.publicKeyInfo),
    authorityKeyIdentifier(issuer.publicKeyInfo),
    ...template.extensions,
  ];
  const tbs = toDer(cert.encodeTBS());
  cert.tbsView = tbs;
  try {
    const signature = await issuer.signer.sign(tbs);
    cert.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(signature) });
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError('CA_ERROR', undefined, { cause });
  }
  return toDer(cert.toSchema());
}

export { nameDer, parseCertificate, spkiOf } from './parse-certificate.js';
