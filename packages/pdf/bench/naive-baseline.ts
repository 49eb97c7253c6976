import { createHash } from 'node:crypto';
import type { EventCredential, RevocationData, TimestampClient } from '@inkproof/pki';
import { signCadesDetached } from '@inkproof/pki';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

/**
 * The naive pipeline the issue measures against: pdf-lib parses and re-saves the whole file at every step
 * (signature, DSS, document time-stamp), with the same cryptography. Its output is not a valid PAdES file
 * (a save after signing breaks the earlier signature — STANDARDS.md); only its cost matters here.
 */
export async function naiveBlta(
  pdf: Uint8Array,
  deps: { tsa: TimestampClient; revocation: (c: Uint8Array[]) => Promise<RevocationData>; cred: EventCredential },
): Promise<Uint8Array> {
  const { tsa, revocation, cred } = deps;
  let bytes = pdf;
  const step = async (mutate: (doc: PDFDocument) => void): Promise<Uint8Array> => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    mutate(doc);
    bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
    return new Uint8Array(createHash('sha256').update(bytes).digest());
  };
  const d1 = await step((doc) => {
    doc.catalog.set(PDFName.of('Sig'), doc.context.obj({ Contents: PDFHexString.of('00'.repeat(8192)) }));
  });
  await signCadesDetached({
    digest: d1,
    signer: cred.signer,
    certificate: cred.certificate,
    chain: cred.chain,
    timestamp: tsa,
  });
  const rev = await revocation([cred.certificate, ...cred.chain]);
  const d2 = await step((doc) => {
    doc.catalog.set(PDFName.of('DSS'), doc.context.obj({ n: rev.crls.length + rev.ocsps.length }));
  });
  await tsa.timestamp(d2);
  return bytes;
}
