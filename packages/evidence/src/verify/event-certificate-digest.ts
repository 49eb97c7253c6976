import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EvidenceError } from '../errors.js';
import { toArrayBuffer } from '../util/bytes.js';
import { memoByBytes } from '../util/memo-by-bytes.js';

/** id-inkproof-evidenceDigest, see packages/pki (ca/evidence-digest-extension.ts). */
export const EVIDENCE_DIGEST_EXTENSION_OID = '1.3.6.1.4.1.55555.7.1.1';
const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/**
 * Reads EvidenceDigest ::= SEQUENCE { version INTEGER (1), hashAlgorithm AlgorithmIdentifier, digest OCTET STRING }
 * from the event certificate. Returns undefined when the extension is absent.
 */
export const readEvidenceDigestExtension = memoByBytes(readExtension);

function readExtension(certificateDer: Uint8Array): Uint8Array | undefined {
  let cert: pkijs.Certificate;
  try {
    cert = pkijs.Certificate.fromBER(toArrayBuffer(certificateDer));
  } catch (cause) {
    throw new EvidenceError('EVENT_CERTIFICATE_INVALID', 'event certificate is not X.509 DER', { cause });
  }
  const ext = cert.extensions?.find((e) => e.extnID === EVIDENCE_DIGEST_EXTENSION_OID);
  if (!ext) return undefined;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  const seq = parsed.result;
  const [version, alg, digest] = seq instanceof asn1js.Sequence ? seq.valueBlock.value : [];
  const algorithmId = alg instanceof asn1js.Sequence ? alg.valueBlock.value[0] : undefined;
  if (
    parsed.offset === -1 ||
    !(version instanceof asn1js.Integer) ||
    version.valueBlock.valueDec !== 1 ||
    !(algorithmId instanceof asn1js.ObjectIdentifier) ||
    algorithmId.valueBlock.toString() !== SHA256_OID ||
    !(digest instanceof asn1js.OctetString) ||
    digest.valueBlock.valueHexView.byteLength !== 32
  ) {
    throw new EvidenceError('EVENT_CERTIFICATE_INVALID', 'evidence-digest extension is malformed');
  }
  return new Uint8Array(digest.valueBlock.valueHexView);
}
