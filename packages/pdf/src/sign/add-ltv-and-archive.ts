import { createHash } from 'node:crypto';
import type { RevocationData, TimestampClient } from '@inkproof/pki';
import { readCms } from '../cms/cms-info.js';
import { trimDer } from '../cms/der-length.js';
import { listSignatures } from '../core/list-signatures.js';
import { PdfFile } from '../core/pdf-file.js';
import { PdfError } from '../errors.js';
import { appendIncrementalUpdate } from '../write/incremental-update.js';
import { UpdateBuilder } from '../write/update-builder.js';
import { writeDocumentTimestamp } from './add-document-timestamp.js';
import { addDss } from './add-dss.js';

export interface LtvInput {
  /** /Contents of the signature being extended, padding included. */
  signatureContents: Uint8Array;
  /** The CMS (signature or time-stamp token) whose certificates need validation data. */
  cms: Uint8Array;
  extraCertificates?: Uint8Array[];
  revocation: (certificates: Uint8Array[]) => Promise<RevocationData>;
  /** When given, a document time-stamp closes the same revision (B-LTA). */
  tsa?: TimestampClient;
}

/** B-LT (DSS + VRI, ETSI EN 319 142-1 §5.4.2) and, with a TSA, B-LTA (document time-stamp) in one incremental update. */
export async function addLtvAndArchive(pdf: Uint8Array, input: LtvInput): Promise<Uint8Array> {
  const info = readCms(input.cms);
  const tst = info.signatureTimestamp ? readCms(info.signatureTimestamp).certificates : [];
  const certs = unique([...(input.extraCertificates ?? []), ...info.certificates, ...tst]);
  const rev = await input.revocation(certs);
  const b = new UpdateBuilder(PdfFile.parse(pdf));
  const material = { certs, crls: rev.crls, ocsps: rev.ocsps };
  addDss(b, material, [{ signatureContents: input.signatureContents, ...material }]);
  if (input.tsa) return (await writeDocumentTimestamp(b, input.tsa)).bytes;
  return appendIncrementalUpdate(b.file, b.objects()).bytes;
}

/**
 * Adds another archive time-stamp to a B-LTA file (ETSI EN 319 142-1 §5.5.3, for long-term retention): validation
 * data for the newest document time-stamp goes into the DSS, then a new document time-stamp covers everything.
 */
export async function addArchiveTimestamp(
  pdf: Uint8Array,
  opts: { tsa: TimestampClient; revocation: (certificates: Uint8Array[]) => Promise<RevocationData> },
): Promise<Uint8Array> {
  const file = PdfFile.parse(pdf);
  const last = listSignatures(file)
    .filter((s) => s.kind === 'doc-timestamp')
    .at(-1);
  if (!last) throw new PdfError('NOT_LTA', 'no document time-stamp');
  return addLtvAndArchive(pdf, {
    signatureContents: last.contents,
    cms: trimDer(last.contents),
    revocation: opts.revocation,
    tsa: opts.tsa,
  });
}

function unique(items: Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return items.filter((c) => {
    const k = createHash('sha256').update(c).digest('hex');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Appends a document time-stamp alone (ETSI EN 319 142-1 §5.4.3), e.g. to extend a B-T or certified file. */
export async function addDocumentTimestamp(pdf: Uint8Array, opts: { tsa: TimestampClient }): Promise<Uint8Array> {
  return (await writeDocumentTimestamp(new UpdateBuilder(PdfFile.parse(pdf)), opts.tsa)).bytes;
}
