import { signPdf, verifyPdf } from '@inkproof/pdf';
import type { BuiltinPki, EventCredential } from '@inkproof/pki';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PdfVerifier } from '../src/verify/verification-report.js';

/** A plain 3-page consent-like PDF (the typical document of the bench). */
export async function makeThreePagePdf(seed = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2026-11-22T00:00:00Z'));
  doc.setModificationDate(new Date('2026-11-22T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= 3; p++) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < 40; line++) {
      page.drawText(
        `Informed consent ${seed} - page ${p} - clause ${line}: risks, benefits and alternatives explained.`,
        {
          x: 40,
          y: 800 - line * 19,
          size: 9,
          font,
        },
      );
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** PAdES B-T signature by the event credential, as the sealing job does before destroying the key. */
export async function signWithEvent(
  pdf: Uint8Array,
  credential: EventCredential,
  pki: BuiltinPki,
): Promise<Uint8Array> {
  return signPdf(pdf, {
    signer: credential.signer,
    certificate: credential.certificate,
    chain: credential.chain,
    level: 'B-T',
    tsa: pki.tsa,
    signerName: 'Patient',
  });
}

/** Adapter from @inkproof/pdf's verifyPdf to the evidence pipeline's injected verifier. */
export function pdfVerifierFor(trustAnchors: Uint8Array[]): PdfVerifier {
  return async (bytes) => {
    const report = await verifyPdf(bytes, { trustAnchors });
    const signerCertificates = report.signatures
      .filter((s) => s.kind === 'signature' && s.signerCertificate)
      .map((s) => s.signerCertificate!);
    return { valid: report.verdict === 'VALID', verdict: report.verdict, signerCertificates };
  };
}
