import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { parseDer, toArrayBuffer } from '../der/der-codec.js';
import { OID } from '../der/oids.js';
import { PkiError } from '../errors.js';
import { digestAlgorithmIdentifier } from '../signers/algorithms.js';
import { rawExtension } from './extensions.js';

/**
 * Private, non-critical extension binding an event certificate to the evidence manifest:
 *
 *   id-inkproof-evidenceDigest OBJECT IDENTIFIER ::= { 1 3 6 1 4 1 55555 7 1 1 }
 *   EvidenceDigest ::= SEQUENCE {
 *     version        INTEGER { v1(1) },
 *     hashAlgorithm  AlgorithmIdentifier,   -- id-sha256, parameters absent
 *     digest         OCTET STRING }         -- SHA-256 of the evidence manifest
 */
export function evidenceDigestExtension(digest: Uint8Array): pkijs.Extension {
  if (digest.length !== 32) throw new PkiError('INVALID_ARGUMENT', 'evidenceDigest must be 32 bytes (SHA-256)');
  const value = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      digestAlgorithmIdentifier('SHA-256').toSchema(),
      new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    ],
  });
  return rawExtension(OID.evidenceDigestExtension, false, value);
}

/** Reads the evidence digest back from a parsed certificate, if present. */
export function readEvidenceDigest(cert: pkijs.Certificate): Uint8Array | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === OID.evidenceDigestExtension);
  if (!ext) return undefined;
  const seq = parseDer(new Uint8Array(ext.extnValue.valueBlock.valueHexView), 'EvidenceDigest') as asn1js.Sequence;
  const octets = seq.valueBlock.value[2];
  if (!(octets instanceof asn1js.OctetString)) throw new PkiError('INVALID_DER', 'EvidenceDigest');
  return new Uint8Array(octets.valueBlock.valueHexView);
}
