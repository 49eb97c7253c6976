import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

/**
 * A `pages`-page PDF like the baseline (200 pages ≈ 5.5 MB): a line-wrapped text page plus a 96×96 RGB
 * image of random pixels per page, stored raw so the size does not collapse under compression.
 */
export async function makeSamplePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = 'Informed consent: risks, benefits and alternatives were explained to the patient. ';
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    page.setFont(font);
    page.setFontSize(5);
    const text = Array.from({ length: 150 }, (_, i) => `${p + 1}.${i} ${line}${line}`).join('\n');
    page.drawText(text, { x: 20, y: 820, lineHeight: 5.4 });
    const image = doc.context.stream(randomBytes(96 * 96 * 3), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 96,
      Height: 96,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
    });
    page.node.setXObject(PDFName.of('Scan'), doc.context.register(image));
  }
  return doc.save({ useObjectStreams: false });
}
