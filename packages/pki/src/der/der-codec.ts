import * as asn1js from 'asn1js';
import { PkiError } from '../errors.js';

/** Generous but bounded limits: asn1js 4 defaults stop re-reading large CMS objects. */
export function parseDer(der: Uint8Array, what: string): asn1js.AsnType {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new PkiError('INVALID_DER', `${what}: ${asn1.result.error}`);
  return asn1.result;
}

export function toDer(value: { toBER(sizeOnly?: boolean): ArrayBuffer }): Uint8Array {
  return new Uint8Array(value.toBER(false));
}

/**
 * A fresh ArrayBuffer holding exactly `bytes`. Never `buf.slice().buffer`: on a Node Buffer
 * slice() is a view into the shared 8 KiB pool, and `.buffer` would hand the whole pool to asn1js.
 */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function fromPem(pem: string): Uint8Array {
  const body = pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}
