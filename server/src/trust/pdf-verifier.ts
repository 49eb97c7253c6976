/** The PDF verifier in the shape evidence-bundle verification takes (implemented in @inkproof/pdf). */
export { pdfVerifierFor } from '@inkproof/pdf';
