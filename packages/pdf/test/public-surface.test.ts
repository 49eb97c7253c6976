import { expect, it } from 'vitest';
import * as consent from '../src/consent/index.js';
import * as pdf from '../src/index.js';

it('pins the public surface of @inkproof/pdf (signing, verification, structure; consent is pinned separately)', () => {
  const own = Object.keys(pdf).filter((k) => !(k in consent));
  expect(own.sort()).toEqual(
    [
      'DEFAULT_CONTENTS_CAPACITY',
      'PADES_LEVELS',
      'PdfDict',
      'PdfError',
      'PdfFile',
      'PdfName',
      'PdfRef',
      'PdfStream',
      'PdfString',
      'UpdateBuilder',
      'addArchiveTimestamp',
      'addDocumentTimestamp',
      'appendIncrementalUpdate',
      'buildAppearance',
      'inkOutlinePath',
      'isPdfError',
      'levelAtLeast',
      'listPages',
      'listSignatures',
      'pdfVerifierFor',
      'renderReport',
      'signPdf',
      'verifyPdf',
    ].sort(),
  );
  expect(Object.keys(consent).every((k) => k in pdf)).toBe(true);
});
