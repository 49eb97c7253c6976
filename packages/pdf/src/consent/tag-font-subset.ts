import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, type PDFDocument, type PDFFont, PDFName, PDFRawStream } from 'pdf-lib';

/** Six uppercase letters derived from the embedded font program, so identical input gives identical output. */
function subsetTag(fontProgram: Uint8Array): string {
  const digest = createHash('sha256').update(fontProgram).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/**
 * Names the embedded subset `ABCDEF+PostScriptName` (ISO 32000-1 §9.6.4 "Font Subsets") in the Type0 font,
 * its CIDFont and the font descriptor. pdf-lib writes `Name-1234` instead, which readers (pdffonts, preflight)
 * do not recognise as a subset. Flushes the document so the font objects exist; draw nothing with `font` after.
 */
export async function tagFontSubset(doc: PDFDocument, font: PDFFont, postscriptName: string): Promise<string> {
  await doc.flush();
  const type0 = doc.context.lookup(font.ref, PDFDict);
  const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const program = descriptor.lookup(PDFName.of('FontFile2'));
  if (!(program instanceof PDFRawStream)) throw new TypeError('embedded font program is not a stream');
  const name = PDFName.of(`${subsetTag(program.getContents())}+${postscriptName}`);
  type0.set(PDFName.of('BaseFont'), name);
  cidFont.set(PDFName.of('BaseFont'), name);
  descriptor.set(PDFName.of('FontName'), name);
  return name.decodeText();
}
