import { parseDer, toDer } from '../der/der-codec.js';
import { readTlv } from '../der/der-reader.js';
import { OID } from '../der/oids.js';
import { PkiError } from '../errors.js';
import { digest as hashBytes, hashLength } from '../hash.js';
import { digestAlgorithmFor } from '../signers/algorithms.js';
import type { CmsSigner, TimestampClient } from '../types.js';
import { buildSignedData } from './build-signed-data.js';
import {
  contentTypeAttribute,
  messageDigestAttribute,
  signingCertificateV2Attribute,
  signingTimeAttribute,
} from './signed-attributes.js';
import { splitSignedData } from './split-signed-data.js';

export interface SignCadesOptions {
  /** The signed content; or give `digest` instead. */
  content?: Uint8Array;
  /** Digest of the content with `digestAlgorithmFor(signer.algorithm)` (SHA-256; SHA-384 for P-384; SM3 for SM2). */
  digest?: Uint8Array;
  signer: CmsSigner;
  certificate: Uint8Array;
  /** Issuer certificates to embed. */
  chain?: Uint8Array[];
  /** Omitted for PAdES (ETSI EN 319 142-1 §5.2.3: the PDF /M carries the claimed time). */
  signingTime?: Date;
  /** Adds the signature-time-stamp unsigned attribute (ETSI EN 319 122-1 §5.3, CAdES-T / PAdES B-T). */
  timestamp?: TimestampClient;
}

/** A strict-DER token is embedded as sent; anything else is decoded (INVALID_DER if it cannot be) and re-encoded. */
function tokenDer(token: Uint8Array): Uint8Array {
  const tlv = readTlv(token, 0, token.length);
  if (tlv && splitSignedData(token)) return token.subarray(0, tlv.end);
  return toDer(parseDer(token, 'TimeStampToken'));
}

/**
 * CAdES-detached SignedData (ETSI EN 319 122-1 B-B): contentType, messageDigest and
 * signingCertificateV2 as signed attributes, DER-sorted; eContent absent.
 */
export async function signCadesDetached(opts: SignCadesOptions): Promise<Uint8Array> {
  const hash = digestAlgorithmFor(opts.signer.algorithm);
  const messageDigest = opts.digest ?? (opts.content ? hashBytes(hash, opts.content) : undefined);
  if (!messageDigest || (opts.digest && opts.content)) {
    throw new PkiError('INVALID_ARGUMENT', 'give exactly one of content or digest');
  }
  if (messageDigest.length !== hashLength(hash)) {
    throw new PkiError('INVALID_ARGUMENT', `digest must be ${hash} (${hashLength(hash)} bytes)`);
  }
  const signedAttributes = [
    contentTypeAttribute(OID.data),
    messageDigestAttribute(messageDigest),
    signingCertificateV2Attribute(opts.certificate),
  ];
  if (opts.signingTime) signedAttributes.push(signingTimeAttribute(opts.signingTime));
  const tsa = opts.timestamp;
  return buildSignedData({
    eContentType: OID.data,
    signer: opts.signer,
    certificate: opts.certificate,
    certificates: [opts.certificate, ...(opts.chain ?? [])],
    signedAttributes,
    ...(tsa
      ? {
          // The imprint is the hash of the SignerInfo signature value (RFC 3161 Appendix A).
          unsignedAttributes: async (signature: Uint8Array) => {
            const token = await tsa.timestamp(hashBytes(hash, signature), hash);
            return [{ type: OID.signatureTimeStampToken, values: [tokenDer(token)] }];
          },
        }
      : {}),
  });
}
