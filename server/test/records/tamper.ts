import {
  appendIncrementalUpdate,
  listPages,
  PdfDict,
  PdfFile,
  type PdfRef,
  PdfStream,
  UpdateBuilder,
} from '@inkproof/pdf';

/** Flips one byte of text inside the signed range (the first page's content area), keeping the file parseable. */
export function tamperByte(pdf: Uint8Array): Uint8Array {
  const copy = new Uint8Array(pdf);
  const text = Buffer.from(copy).toString('latin1');
  const at = text.indexOf('stream\n', text.indexOf('/Length')) + 20;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** Shadow attack: an incremental update after the signatures replaces the first page's content stream. */
export function shadowAttack(pdf: Uint8Array): Uint8Array {
  const file = PdfFile.parse(pdf);
  const page = listPages(file)[0]!;
  const raw = page.dict.get('Contents');
  // /Contents is a stream reference or an array of them (ISO 32000-1 §7.7.3.3); replace the first.
  const contents = (Array.isArray(raw) ? raw[0] : raw) as PdfRef;
  const b = new UpdateBuilder(file);
  b.put(contents, new PdfStream(new PdfDict(), new TextEncoder().encode('BT /F1 18 Tf 72 720 Td (I refuse) Tj ET')));
  return appendIncrementalUpdate(file, b.objects()).bytes;
}
