import { bytesEqual, fromBase64 } from '../util/bytes.js';
import { digestHex } from '../util/digests.js';
import { StepRecorder, skipped } from './step-result.js';
import type { VerificationContext, VerificationStep } from './verification-report.js';

/**
 * Step 7: each signed document is the one the manifest names (digest after signing), a PDF's first revision is
 * byte for byte the document presented for reading (digest before signing), and its own signatures verify
 * through the injected PDF verifier (signatures, timestamps, revision analysis live in @inkproof/pdf).
 */
export async function verifyDocumentsStep(ctx: VerificationContext): Promise<VerificationStep> {
  const r = new StepRecorder('documents');
  const verifier = ctx.options.pdfVerifier;
  const eventCertificate = fromBase64(ctx.manifest!.eventCertificate);
  for (const doc of ctx.manifest!.documents) {
    const entry = ctx.container!.member(doc.path);
    if (!entry) {
      r.fail({ code: 'DOCUMENT_MISSING', message: `${doc.path} is missing`, member: doc.path });
      continue;
    }
    const sha256Ok = digestHex(entry.bytes, 'SHA-256') === doc.sha256After;
    const sm3Ok = doc.sm3After === undefined || digestHex(entry.bytes, 'SM3') === doc.sm3After;
    if (!sha256Ok || !sm3Ok || entry.bytes.byteLength !== doc.size) {
      r.fail({ code: 'DOCUMENT_DIGEST_MISMATCH', message: `${doc.path} is not the sealed document`, member: doc.path });
      continue;
    }
    if (doc.mediaType === 'application/pdf' && doc.sizeBefore !== undefined) {
      const prefix = entry.bytes.subarray(0, doc.sizeBefore);
      if (doc.sizeBefore > entry.bytes.byteLength || digestHex(prefix, 'SHA-256') !== doc.sha256Before) {
        r.fail({
          code: 'DOCUMENT_ORIGINAL_MISMATCH',
          message: `${doc.path} does not extend the document presented for reading`,
          member: doc.path,
        });
      } else r.facts[`${doc.id}.extendsOriginal`] = true;
    }
    if (!verifier || doc.mediaType !== 'application/pdf') continue;
    try {
      const result = await verifier(entry.bytes);
      // Primitive fields of the verifier's answer (verdict, level, …) travel into the report as facts.
      for (const [k, v] of Object.entries(result)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') r.facts[`${doc.id}.${k}`] = v;
      }
      if (!result.valid) {
        r.fail({
          code: 'DOCUMENT_SIGNATURE_INVALID',
          message: `${doc.path}: signatures do not verify`,
          member: doc.path,
        });
      } else if (result.signerCertificates && !result.signerCertificates.some((c) => bytesEqual(c, eventCertificate))) {
        r.fail({
          code: 'DOCUMENT_SIGNER_MISMATCH',
          message: `${doc.path} is not signed by the event certificate`,
          member: doc.path,
        });
      }
    } catch (e) {
      r.fail({
        code: 'DOCUMENT_SIGNATURE_INVALID',
        message: `${doc.path}: verifier failed: ${(e as Error).message}`,
        member: doc.path,
      });
    }
  }
  if (!verifier && r.errors.length === 0) return skipped('documents', 'no PDF verifier supplied; digests checked only');
  r.facts.documents = ctx.manifest!.documents.length;
  return r.result();
}
