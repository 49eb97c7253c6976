import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer, toDer } from '../der/der-codec.js';
import { OID } from '../der/oids.js';
import { describeSpki } from '../signers/spki.js';

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: toArrayBuffer(toDer(value)) });
}

/** RFC 5280 §4.2.1.9 */
export function basicConstraints(cA: boolean, pathLen?: number): pkijs.Extension {
  const value: asn1js.AsnType[] = [];
  if (cA) value.push(new asn1js.Boolean({ value: true }));
  if (cA && pathLen !== undefined) value.push(new asn1js.Integer({ value: pathLen }));
  return extension(OID.basicConstraints, true, new asn1js.Sequence({ value }));
}

export type KeyUsageBit =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';
const KU_BITS: KeyUsageBit[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

/** RFC 5280 §4.2.1.3; X.690 §11.2.2: trailing zero bits of a named bit list are dropped. */
export function keyUsage(bits: KeyUsageBit[]): pkijs.Extension {
  let byte = 0;
  for (const b of bits) byte |= 0x80 >> KU_BITS.indexOf(b);
  let unusedBits = 0;
  while (unusedBits < 7 && ((byte >> unusedBits) & 1) === 0) unusedBits++;
  const bitString = new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits });
  return extension(OID.keyUsage, true, bitString);
}

/** RFC 5280 §4.2.1.12 */
export function extendedKeyUsage(oids: string[], critical: boolean): pkijs.Extension {
  return extension(
    OID.extKeyUsage,
    critical,
    new asn1js.Sequence({ value: oids.map((value) => new asn1js.ObjectIdentifier({ value })) }),
  );
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING value. */
export function keyIdentifierOf(spki: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(describeSpki(spki).keyBytes).digest());
}

export function subjectKeyIdentifier(spki: Uint8Array): pkijs.Extension {
  return extension(
    OID.subjectKeyIdentifier,
    false,
    new asn1js.OctetString({ valueHex: toArrayBuffer(keyIdentifierOf(spki)) }),
  );
}

/** RFC 5280 §4.2.1.1: keyIdentifier [0] only. */
export function authorityKeyIdentifier(issuerSpki: Uint8Array): pkijs.Extension {
  const keyId = new asn1js.Primitive({
    idBlock: { tagClass: 3, tagNumber: 0 },
    valueHex: toArrayBuffer(keyIdentifierOf(issuerSpki)),
  });
  return extension(OID.authorityKeyIdentifier, false, new asn1js.Sequence({ value: [keyId] }));
}

function uri(url: string): asn1js.Primitive {
  // GeneralName uniformResourceIdentifier [6] IA5String
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 6 }, valueHex: toArrayBuffer(Buffer.from(url)) });
}

/** RFC 5280 §4.2.1.13: one DistributionPoint with a fullName URI. */
export function crlDistributionPoint(url: string): pkijs.Extension {
  const fullName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [uri(url)] });
  const dpName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [fullName] });
  return extension(
    OID.crlDistributionPoints,
    false,
    new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [dpName] })] }),
  );
}

/** RFC 5280 §4.2.2.1 */
export function authorityInfoAccess(entries: { ocsp?: string; caIssuers?: string }): pkijs.Extension {
  const value: asn1js.Sequence[] = [];
  if (entries.ocsp)
    value.push(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.adOcsp }), uri(entries.ocsp)] }));
  if (entries.caIssuers)
    value.push(
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.adCaIssuers }), uri(entries.caIssuers)],
      }),
    );
  return extension(OID.authorityInfoAccess, false, new asn1js.Sequence({ value }));
}

/** RFC 6960 §4.2.2.2.1 id-pkix-ocsp-nocheck, value NULL. */
export function ocspNoCheck(): pkijs.Extension {
  return extension(OID.ocspNoCheck, false, new asn1js.Null());
}

/** RFC 5280 §4.2.1.4, a single policy without qualifiers. */
export function certificatePolicies(policyOid: string): pkijs.Extension {
  return extension(
    '2.5.29.32',
    false,
    new asn1js.Sequence({
      value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: policyOid })] })],
    }),
  );
}

export function rawExtension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return extension(extnID, critical, value);
}
