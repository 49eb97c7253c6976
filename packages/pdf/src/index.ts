// Public surface of @inkproof/pdf (pinned by test/public-surface.test.ts).
export { type AppearanceObjects, buildAppearance, type SignatureAppearance } from './appearance/build-appearance.js';
export { type Box, type InkSample, type InkStrokes, inkOutlinePath } from './appearance/ink-outline-path.js';
export * from './consent/index.js';
export { listSignatures, type SignatureEntry } from './core/list-signatures.js';
export { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './core/objects.js';
export { listPages, type PageEntry } from './core/page-tree.js';
export { PdfFile } from './core/pdf-file.js';
export { isPdfError, PdfError, type PdfErrorCode } from './errors.js';
export type { Revision } from './parse/read-revisions.js';
export { addArchiveTimestamp, addDocumentTimestamp } from './sign/add-ltv-and-archive.js';
export { levelAtLeast, PADES_LEVELS, type PadesLevel } from './sign/pades-level.js';
export type { SignaturePlacement } from './sign/place-signature.js';
export { DEFAULT_CONTENTS_CAPACITY, type SignPdfOptions, signPdf } from './sign/sign-pdf.js';
export { renderReport } from './verify/render-report.js';
export type {
  Coverage,
  ModificationLevel,
  PdfIssue,
  PdfIssueCode,
  PdfVerificationReport,
  RevisionReport,
  SignatureReport,
  Verdict,
} from './verify/report.js';
export { type VerifyPdfOptions, verifyPdf } from './verify/verify-pdf.js';
export { pdfVerifierFor } from './verify/verify-pdf-for-evidence.js';
export { type AppendedUpdate, appendIncrementalUpdate, type UpdateObject } from './write/incremental-update.js';
export { UpdateBuilder } from './write/update-builder.js';
