import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer, toDer } from '../der/der-codec.js';
import { hexToBytes } from '../der/der-integer.js';
import { OID } from '../der/oids.js';
import { signatureAlgorithmIdentifier } from '../signers/algorithms.js';
import type { CmsSigner } from '../types.js';
import { authorityKeyIdentifier, rawExtension } from './extensions.js';
import { certificateTime, parseCertificate } from './issue-certificate.js';

export interface RevokedEntry {
  serialHex: string;
  revokedAt: Date;
}

export interface CrlInput {
  issuerCertificate: Uint8Array;
  issuerPublicKeyInfo: Uint8Array;
  signer: CmsSigner;
  crlNumber: number;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: RevokedEntry[];
}

/** RFC 5280 §5: v2 CRL with authorityKeyIdentifier and cRLNumber (both required by §5.2). */
export async function buildCrl(input: CrlInput): Promise<Uint8Array> {
  const issuer = parseCertificate(input.issuerCertificate);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  const algorithm = signatureAlgorithmIdentifier(input.signer.algorithm);
  crl.signature = algorithm;
  crl.signatureAlgorithm = algorithm;
  crl.issuer = issuer.subject;
  crl.thisUpdate = certificateTime(input.thisUpdate);
  crl.nextUpdate = certificateTime(input.nextUpdate);
  if (input.revoked.length > 0) {
    crl.revokedCertificates = input.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: toArrayBuffer(hexToBytes(r.serialHex)) }),
          revocationDate: certificateTime(r.revokedAt),
        }),
    );
  }
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      authorityKeyIdentifier(input.issuerPublicKeyInfo),
      rawExtension(OID.crlNumber, false, new asn1js.Integer({ value: input.crlNumber })),
    ],
  });
  const tbs = toDer((crl as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS());
  crl.tbsView = tbs;
  crl.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(await input.signer.sign(tbs)) });
  return toDer(crl.toSchema());
}
