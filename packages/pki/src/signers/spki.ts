import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseDer, toArrayBuffer, toDer } from '../der/der-codec.js';
import { bytesToHex, hexToBytes } from '../der/der-integer.js';
import { OID } from '../der/oids.js';

/** SubjectPublicKeyInfo for an SM2 point: id-ecPublicKey with the sm2 curve (GB/T 35276 §6). */
export function sm2PublicKeyInfo(publicKeyHex: string): Uint8Array {
  const spki = new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.ecPublicKey,
      algorithmParams: new asn1js.ObjectIdentifier({ value: OID.sm2Curve }),
    }),
    subjectPublicKey: new asn1js.BitString({ valueHex: toArrayBuffer(hexToBytes(publicKeyHex)) }),
  });
  return toDer(spki.toSchema());
}

export interface SpkiSummary {
  algorithmOid: string;
  curveOid?: string;
  /** The BIT STRING content (EC point, or RSAPublicKey DER). */
  keyBytes: Uint8Array;
}

export function describeSpki(spkiDer: Uint8Array): SpkiSummary {
  const spki = new pkijs.PublicKeyInfo({ schema: parseDer(spkiDer, 'SubjectPublicKeyInfo') });
  const params = spki.algorithm.algorithmParams;
  const curveOid = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : undefined;
  return {
    algorithmOid: spki.algorithm.algorithmId,
    ...(curveOid ? { curveOid } : {}),
    keyBytes: new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView),
  };
}

export function isSm2Spki(spkiDer: Uint8Array): boolean {
  const d = describeSpki(spkiDer);
  return d.algorithmOid === OID.ecPublicKey && d.curveOid === OID.sm2Curve;
}

export function sm2PublicKeyHexFromSpki(spkiDer: Uint8Array): string {
  return bytesToHex(describeSpki(spkiDer).keyBytes);
}
