import type { CmsSigner, RevocationData, TimestampClient } from '@inkproof/pki';
import { signCadesDetached } from '@inkproof/pki';
import { buildAppearance, type SignatureAppearance } from '../appearance/build-appearance.js';
import { name, PdfDict, PdfRef, PdfString } from '../core/objects.js';
import { PdfFile } from '../core/pdf-file.js';
import { PdfError } from '../errors.js';
import { UpdateBuilder } from '../write/update-builder.js';
import { addLtvAndArchive } from './add-ltv-and-archive.js';
import { levelAtLeast, type PadesLevel, pdfDate } from './pades-level.js';
import { placeSignature, type SignaturePlacement } from './place-signature.js';
import { writeSignedRevision } from './write-signed-revision.js';

export interface SignPdfOptions {
  signer: CmsSigner;
  certificate: Uint8Array;
  /** Issuer certificates up to the root. */
  chain?: Uint8Array[];
  /** Default B-LTA. */
  level?: PadesLevel;
  /** Required from B-T up (signature time-stamp, document time-stamp). */
  tsa?: TimestampClient;
  /** Required from B-LT up: CRLs and OCSP responses for the given certificates. */
  revocation?: (certificates: Uint8Array[]) => Promise<RevocationData>;
  /** Default: invisible widget on page 1. */
  placement?: SignaturePlacement;
  appearance?: SignatureAppearance;
  /** /M of the signature dictionary (default now). */
  signingTime?: Date;
  signerName?: string;
  reason?: string;
  location?: string;
  /** Certification signature with DocMDP permissions P (ISO 32000-1 §12.8.2.2); only for the first signature. */
  certify?: 1 | 2 | 3;
  /** FieldMDP (ISO 32000-1 §12.8.2.4): lock all fields, or the named ones, against later changes. */
  lockFields?: 'all' | string[];
  /** /Contents capacity in bytes (default 16 KiB). */
  contentsCapacity?: number;
}

export const DEFAULT_CONTENTS_CAPACITY = 16_384;

/**
 * Signs `pdf` as one more incremental revision (PAdES, ETSI EN 319 142-1): B-B CAdES-detached signature, plus a
 * signature time-stamp (B-T), a DSS with validation data (B-LT) and a document time-stamp (B-LTA). Earlier bytes are
 * never rewritten, so earlier signatures stay valid.
 */
export async function signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
  const level = opts.level ?? 'B-LTA';
  if (levelAtLeast(level, 'B-T') && !opts.tsa) throw new PdfError('INVALID_ARGUMENT', `${level} needs a TSA`);
  if (levelAtLeast(level, 'B-LT') && !opts.revocation)
    throw new PdfError('INVALID_ARGUMENT', `${level} needs revocation data`);
  const file = PdfFile.parse(pdf);
  const b = new UpdateBuilder(file);
  const sigRef = b.alloc();
  const placed = placeSignature(b, sigRef, opts.placement ?? { invisible: true });
  if (opts.appearance && placed.width > 0 && placed.height > 0) {
    const first = b.reserve(0);
    const ap = await buildAppearance(first, placed.width, placed.height, opts.appearance);
    b.putRaw(ap.objects, ap.nextNum);
    b.edit(placed.widget).set('AP', new PdfDict([['N', new PdfRef(ap.apNum)]]));
  }
  const time = opts.signingTime ?? new Date();
  const sig = new PdfDict([
    ['Type', name('Sig')],
    ['Filter', name('Adobe.PPKLite')],
    ['SubFilter', name('ETSI.CAdES.detached')],
  ]);
  if (opts.certify) addDocMdp(b, sig, sigRef, opts.certify);
  if (opts.lockFields) addFieldMdp(b, sig, placed.field, opts.lockFields);
  const signed = await writeSignedRevision(
    b,
    sigRef,
    sig,
    opts.contentsCapacity ?? DEFAULT_CONTENTS_CAPACITY,
    opts.signer.algorithm === 'SM2' ? 'SM3' : 'SHA-256',
    (digest) =>
      signCadesDetached({
        digest,
        signer: opts.signer,
        certificate: opts.certificate,
        chain: opts.chain,
        timestamp: levelAtLeast(level, 'B-T') ? opts.tsa : undefined,
      }),
    (d) => {
      // Written after /Contents so they fall into the second signed range.
      d.set('M', PdfString.fromText(pdfDate(time)));
      if (opts.signerName) d.set('Name', PdfString.fromText(opts.signerName));
      if (opts.reason) d.set('Reason', PdfString.fromText(opts.reason));
      if (opts.location) d.set('Location', PdfString.fromText(opts.location));
    },
  );
  if (!levelAtLeast(level, 'B-LT')) return signed.bytes;
  return addLtvAndArchive(signed.bytes, {
    signatureContents: signed.paddedContents,
    cms: signed.contents,
    extraCertificates: [opts.certificate, ...(opts.chain ?? [])],
    revocation: opts.revocation!,
    tsa: level === 'B-LTA' ? opts.tsa : undefined,
  });
}

/** FieldMDP transform in the signature's /Reference and the matching /Lock on its field (ISO 32000-1 §12.7.4.5). */
function addFieldMdp(b: UpdateBuilder, sig: PdfDict, field: PdfRef, lock: 'all' | string[]): void {
  const params = new PdfDict([['Type', name('TransformParams')]]);
  params.set('Action', name(lock === 'all' ? 'All' : 'Include'));
  if (lock !== 'all')
    params.set(
      'Fields',
      lock.map((f) => PdfString.fromText(f)),
    );
  params.set('V', name('1.2'));
  const refs = (sig.get('Reference') as PdfDict[] | undefined) ?? [];
  refs.push(
    new PdfDict([
      ['Type', name('SigRef')],
      ['TransformMethod', name('FieldMDP')],
      ['TransformParams', params],
      ['Data', b.rootRef],
    ]),
  );
  sig.set('Reference', refs);
  const lockDict = params.clone().set('Type', name('SigFieldLock'));
  lockDict.delete('V');
  b.edit(field).set('Lock', lockDict);
}

/** DocMDP transform (ISO 32000-1 §12.8.2.2) and the catalog's /Perms entry. */
function addDocMdp(b: UpdateBuilder, sig: PdfDict, sigRef: PdfRef, p: 1 | 2 | 3): void {
  const perms = b.resolve(b.rootRef);
  if (perms instanceof PdfDict && perms.has('Perms'))
    throw new PdfError('INVALID_ARGUMENT', 'document is already certified');
  sig.set('Reference', [
    new PdfDict([
      ['Type', name('SigRef')],
      ['TransformMethod', name('DocMDP')],
      [
        'TransformParams',
        new PdfDict([
          ['Type', name('TransformParams')],
          ['P', p],
          ['V', name('1.2')],
        ]),
      ],
    ]),
  ]);
  b.edit(b.rootRef).set('Perms', new PdfDict([['DocMDP', sigRef]]));
}
