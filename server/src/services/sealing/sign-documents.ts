import { getVisibleStrokes, type TInkDocument } from '@inkproof/ink';
import { signPdf } from '@inkproof/pdf';
import type { BuiltinPki, EventCredential, TimestampClient } from '@inkproof/pki';
import type { BlobStore } from '../../blobs';
import type { TSubmission } from '../device-flow/submission-schema';

export interface DocumentToSign {
  id: string;
  title: string;
  /** SHA-256 of the revision this signature is appended to (the rendered original or an earlier signer's PDF). */
  baseSha256: string;
}

export interface SignedDocument extends DocumentToSign {
  signed: Uint8Array;
  fieldName: string;
}

/** The ink as the appearance builder wants it: visible strokes only (undone/cleared ones stay in the evidence). */
export function appearanceStrokes(ink: TInkDocument) {
  return getVisibleStrokes(ink).map((s) => s.samples.map((p) => ({ t: p.t, x: p.x, y: p.y, pressure: p.pressure })));
}

/**
 * Appends this signer's PAdES B-LTA signature to every document, into the field the signer signed, with the vector
 * handwriting, printed name, time and meaning. Each signature is its own incremental revision.
 */
export async function signDocuments(
  deps: {
    blobs: BlobStore;
    pki: BuiltinPki;
    tsa: TimestampClient;
    hospitalName: string;
    fontPath?: string | undefined;
  },
  credential: EventCredential,
  submission: TSubmission,
  documents: DocumentToSign[],
  meaning: string,
  fingerprint: Uint8Array | undefined,
  now: Date,
): Promise<SignedDocument[]> {
  const out: SignedDocument[] = [];
  for (const doc of documents) {
    const sig = submission.signatures.find((x) => x.documentId === doc.id);
    if (!sig) continue;
    const base = await deps.blobs.get(doc.baseSha256);
    const signed = await signPdf(base, {
      signer: credential.signer,
      certificate: credential.certificate,
      chain: credential.chain,
      level: 'B-LTA',
      tsa: deps.tsa,
      revocation: (certs) => deps.pki.revocationData(certs),
      placement: { field: sig.fieldName },
      appearance: {
        strokes: appearanceStrokes(sig.ink),
        name: submission.signer.name,
        meaning,
        signedAt: new Date(sig.signedAt),
        ...(fingerprint ? { fingerprint } : {}),
      },
      signingTime: now,
      signerName: submission.signer.name,
      reason: meaning,
      location: deps.hospitalName,
    });
    out.push({ ...doc, signed, fieldName: sig.fieldName });
  }
  return out;
}
