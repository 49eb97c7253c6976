import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../der/oids.js';
import type { HashAlgorithm, KeyAlgorithm } from '../types.js';

export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-PSS-2048', 'SM2'];

/**
 * The digest each key algorithm uses both for the CMS content digest and for the signature
 * over signed attributes (RFC 5652 §5.4 uses one digestAlgorithm for both).
 */
export function digestAlgorithmFor(algorithm: KeyAlgorithm): HashAlgorithm {
  if (algorithm === 'ECDSA-P384') return 'SHA-384';
  if (algorithm === 'SM2') return 'SM3';
  return 'SHA-256';
}

/** RFC 4055 §3.1 RSASSA-PSS-params with SHA-256, MGF1-SHA-256, 32-byte salt. */
function pssParams(): asn1js.Sequence {
  const sha256 = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  return new asn1js.Sequence({
    value: [
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [sha256.toSchema()] }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [
          new pkijs.AlgorithmIdentifier({ algorithmId: OID.mgf1, algorithmParams: sha256.toSchema() }).toSchema(),
        ],
      }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 2 }, value: [new asn1js.Integer({ value: 32 })] }),
    ],
  });
}

/**
 * signatureAlgorithm for X.509 (RFC 5280 §4.1.1.2), CRLs, OCSP and CMS SignerInfo.
 * ECDSA parameters are absent (RFC 5758 §3.2); RSA PKCS#1 carries NULL (RFC 4055 §5);
 * SM2 uses SM2-with-SM3 1.2.156.10197.1.501 without parameters (GM/T 0010, GB/T 35276).
 */
export function signatureAlgorithmIdentifier(algorithm: KeyAlgorithm): pkijs.AlgorithmIdentifier {
  switch (algorithm) {
    case 'ECDSA-P256':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
    case 'ECDSA-P384':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha384 });
    case 'RSA-2048':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
    case 'RSA-PSS-2048':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsassaPss, algorithmParams: pssParams() });
    case 'SM2':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sm2WithSm3 });
  }
}

export function digestAlgorithmIdentifier(hash: HashAlgorithm): pkijs.AlgorithmIdentifier {
  const oid = { 'SHA-256': OID.sha256, 'SHA-384': OID.sha384, 'SHA-512': OID.sha512, SM3: OID.sm3 }[hash];
  // RFC 5754 §2: SHA-2 parameters absent; GM/T 0010 likewise for SM3.
  return new pkijs.AlgorithmIdentifier({ algorithmId: oid });
}
