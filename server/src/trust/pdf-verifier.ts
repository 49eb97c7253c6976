import type { PdfVerifier } from '@inkproof/evidence';
import { verifyPdf } from '@inkproof/pdf';

/** Adapts the PDF verifier to the evidence bundle's documents step. */
export function pdfVerifierFor(trustAnchors: Uint8Array[]): PdfVerifier {
  return async (bytes) => {
    const report = await verifyPdf(bytes, { trustAnchors });
    const signerCertificates = report.signatures
      .filter((s) => s.kind === 'signature' && s.signerCertificate)
      .map((s) => s.signerCertificate!);
    return { valid: report.verdict === 'VALID', verdict: report.verdict, signerCertificates };
  };
}
