import {
  encodeInkBinary,
  encodeInkJson,
  exportInkML,
  exportIso19794_7,
  renderInkPdfSvgPath,
  renderInkSvgDocument,
  type TInkDocument,
} from '@inkproof/ink';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export type DownloadFormat = 'json' | 'bin' | 'iso' | 'svg' | 'pdf' | 'inkml';

/** Builds the chosen export and hands it to the browser as a file download. */
export async function downloadInk(doc: TInkDocument, format: DownloadFormat): Promise<void> {
  const [data, type, ext] = await buildExport(doc, format);
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `signature.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function buildExport(
  doc: TInkDocument,
  format: DownloadFormat,
): Promise<[Uint8Array | string, string, string]> {
  switch (format) {
    case 'json':
      return [encodeInkJson(doc), 'application/vnd.inkproof.ink+json', 'ink.json'];
    case 'bin':
      return [encodeInkBinary(doc), 'application/vnd.inkproof.ink+binary', 'ink'];
    case 'iso':
      return [exportIso19794_7(doc), 'application/octet-stream', 'sdi'];
    case 'svg':
      return [renderInkSvgDocument(doc, { width: 600, height: 300, padding: 10 }), 'image/svg+xml', 'svg'];
    case 'inkml':
      return [exportInkML(doc), 'application/inkml+xml', 'inkml'];
    case 'pdf':
      return [await buildPdf(doc), 'application/pdf', 'pdf'];
  }
}

/** A5 landscape page: signature box drawn as a vector path with pdf-lib drawSvgPath. */
async function buildPdf(doc: TInkDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 420]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const box = { x: 60, y: 120, width: 475, height: 220 };
  page.drawRectangle({ ...box, borderColor: rgb(0.6, 0.6, 0.65), borderWidth: 0.8 });
  page.drawSvgPath(renderInkPdfSvgPath(doc, { width: box.width, height: box.height, padding: 12 }), {
    x: box.x,
    y: box.y + box.height,
    color: rgb(0.06, 0.12, 0.29),
  });
  page.drawText(
    `Signature - ${doc.context.source.model ?? doc.context.source.kind} - ${new Date(doc.strokes[0]?.samples[0]?.t ?? 0).toISOString()}`,
    {
      x: box.x,
      y: box.y - 24,
      size: 10,
      font,
    },
  );
  return pdf.save();
}
