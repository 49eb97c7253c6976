import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EvidenceError } from '../errors.js';
import { toArrayBuffer } from '../util/bytes.js';
import { memoByBytes } from '../util/memo-by-bytes.js';
import { OID } from './oids.js';

export type RecipientKind = 'rsa-oaep-sha256' | 'ecdh-p256';

/** Reads the escrow certificate and decides the recipient type from its key (STANDARDS.md, evidence crypto). */
export const escrowRecipientOf = memoByBytes(parseEscrowRecipient);

function parseEscrowRecipient(certificateDer: Uint8Array): { certificate: pkijs.Certificate; kind: RecipientKind } {
  let certificate: pkijs.Certificate;
  try {
    certificate = pkijs.Certificate.fromBER(toArrayBuffer(certificateDer));
  } catch (cause) {
    throw new EvidenceError('ENCRYPTION_UNSUPPORTED_RECIPIENT', 'escrow certificate is not X.509 DER', { cause });
  }
  const alg = certificate.subjectPublicKeyInfo.algorithm;
  if (alg.algorithmId === OID.rsaEncryption) return { certificate, kind: 'rsa-oaep-sha256' };
  const curve = alg.algorithmParams instanceof asn1js.ObjectIdentifier ? alg.algorithmParams.valueBlock.toString() : '';
  if (alg.algorithmId === OID.ecPublicKey && curve === OID.prime256v1) return { certificate, kind: 'ecdh-p256' };
  throw new EvidenceError(
    'ENCRYPTION_UNSUPPORTED_RECIPIENT',
    `escrow key type ${alg.algorithmId} ${curve} is not RSA or EC P-256`,
  );
}
