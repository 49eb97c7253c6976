import { verifyPdf } from './verify-pdf.js';

/**
 * `verifyPdf` in the shape an evidence bundle's documents step takes (a structural match of @inkproof/evidence's
 * PdfVerifier, so this package does not depend on evidence): VALID ⇔ valid, plus the signer certificates so the
 * bundle check can tie the event certificate to the document.
 */
export function pdfVerifierFor(trustAnchors: Uint8Array[]) {
  return async (bytes: Uint8Array) => {
    const report = await verifyPdf(bytes, { trustAnchors });
    const signerCertificates = report.signatures
      .filter((s) => s.kind === 'signature' && s.signerCertificate)
      .map((s) => s.signerCertificate!);
    return { valid: report.verdict === 'VALID', verdict: report.verdict, signerCertificates };
  };
}
