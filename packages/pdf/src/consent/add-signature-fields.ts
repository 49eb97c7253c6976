import { type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFPage, PDFString } from 'pdf-lib';
import type { TPdfRect } from './template-schema.js';

export interface TSignatureWidget {
  name: string;
  /** Tooltip (/TU): the printed meaning, shown by viewers when hovering the field. */
  tooltip: string;
  page: PDFPage;
  rect: TPdfRect;
}

/**
 * Adds unsigned signature fields: merged field/widget dictionaries with /FT /Sig (ISO 32000-1 §12.7.4.5,
 * §12.5.6.19), each in the page's /Annots and the AcroForm /Fields, so a signer can later fill them by name.
 * /SigFlags 1 (SignaturesExist, Table 219) tells viewers the document has signature fields.
 */
export function addSignatureFields(doc: PDFDocument, widgets: readonly TSignatureWidget[]): void {
  const acroForm = doc.catalog.getOrCreateAcroForm();
  for (const w of widgets) {
    const { x, y, width, height } = w.rect;
    // An empty normal appearance: PDF 2.0 (ISO 32000-2 §12.5.5) requires /AP on widgets; signing replaces it.
    const appearance = doc.context.register(doc.context.formXObject([], { BBox: [0, 0, width, height] }));
    const dict = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of(w.name),
      TU: PDFHexString.fromText(w.tooltip),
      Rect: [x, y, x + width, y + height],
      F: 4, // Print
      P: w.page.ref,
      AP: { N: appearance },
    });
    const ref = doc.context.register(dict);
    w.page.node.addAnnot(ref);
    acroForm.addField(ref);
  }
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(1));
}
