import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseDer, toDer } from '../der/der-codec.js';
import { OID } from '../der/oids.js';

export interface NameParts {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  title?: string;
  /** X.520 serialNumber, PrintableString. */
  serialNumber?: string;
}

function attr(type: string, value: asn1js.AsnType): pkijs.AttributeTypeAndValue {
  return new pkijs.AttributeTypeAndValue({ type, value: value as asn1js.Utf8String });
}

/**
 * RFC 5280 §4.1.2.4: DirectoryString as UTF8String; countryName and serialNumber are PrintableString (X.520).
 * One attribute per RDN: PKI.js would otherwise put them all into a single multi-valued RDN.
 */
export function buildName(parts: NameParts): pkijs.RelativeDistinguishedNames {
  const rdns: pkijs.AttributeTypeAndValue[] = [];
  if (parts.country) rdns.push(attr(OID.countryName, new asn1js.PrintableString({ value: parts.country })));
  if (parts.organization) rdns.push(attr(OID.organizationName, new asn1js.Utf8String({ value: parts.organization })));
  if (parts.organizationalUnit)
    rdns.push(attr(OID.organizationalUnitName, new asn1js.Utf8String({ value: parts.organizationalUnit })));
  if (parts.title) rdns.push(attr(OID.title, new asn1js.Utf8String({ value: parts.title })));
  if (parts.serialNumber) rdns.push(attr(OID.serialNumber, new asn1js.PrintableString({ value: parts.serialNumber })));
  rdns.push(attr(OID.commonName, new asn1js.Utf8String({ value: parts.commonName })));
  const der = toDer(new asn1js.Sequence({ value: rdns.map((r) => new asn1js.Set({ value: [r.toSchema()] })) }));
  return new pkijs.RelativeDistinguishedNames({ schema: parseDer(der, 'Name') });
}
