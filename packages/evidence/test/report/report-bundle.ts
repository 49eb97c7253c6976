import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RevocationData } from '@inkproof/pki';
import { buildEvidenceBundle } from '../../src/bundle/build-evidence-bundle.js';
import type { EvidenceItemInput } from '../../src/bundle/bundle-input.js';
import { describeEvidence } from '../../src/bundle/describe-evidence.js';
import { fromHex } from '../../src/util/bytes.js';
import { makeThreePagePdf, signWithEvent } from '../pdf-document.js';
import { type SampleWorld, sampleCapture } from '../sample-bundle.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const CLEAR_ID_NUMBER = '110105194912311239';
/** Only inside the encrypted OCR item, as the server stores it. */
export const ESCROWED_ID_NUMBER = '21010219470628083X';

/**
 * A bundle with real content for the report: a recorded ink document, a JPEG photo, a PAdES-signed PDF, and an OCR
 * field holding a (fictitious) ID number that the report must print masked.
 */
export async function buildReportBundle(world: SampleWorld) {
  const capture = sampleCapture(5, 0.2);
  capture.claims.ocr.fields.push({ name: 'idNumber', value: CLEAR_ID_NUMBER, confidence: 0.88 });
  const ocrJson = JSON.stringify({ name: '张三', idNumber: ESCROWED_ID_NUMBER, idNumberValid: true });
  const items: EvidenceItemInput[] = [
    {
      id: 'ink-1',
      kind: 'ink',
      mediaType: 'application/vnd.inkproof.ink+json',
      bytes: new Uint8Array(readFileSync(`${FIXTURES}signature-ink.json`)),
    },
    {
      id: 'photo-1',
      kind: 'photo',
      mediaType: 'image/jpeg',
      bytes: new Uint8Array(readFileSync(`${FIXTURES}face-photo.jpg`)),
    },
    { id: 'id-card-ocr', kind: 'ocr', mediaType: 'application/json', bytes: new TextEncoder().encode(ocrJson) },
    ...capture.items.filter((i) => i.kind === 'fingerprint' || i.kind === 'other'),
  ];
  const input = { ...capture, items };
  const before = await makeThreePagePdf(5);
  capture.documents[0]!.before = before;
  const { evidenceDigest } = describeEvidence(input);
  const credential = await world.pki.issueEventCertificate({
    name: capture.claims.name,
    role: capture.claims.role,
    evidenceDigest: fromHex(evidenceDigest),
  });
  capture.documents[0]!.signed = await signWithEvent(before, credential, world.pki);
  await credential.destroy();
  return buildEvidenceBundle({
    ...input,
    bundleId: 'bundle-report-5',
    envelopeId: 'env-5',
    signerId: 'signer-5',
    eventCertificate: credential.certificate,
    escrowCertificate: world.escrow.certificate,
    seal: { ...world.pki.evidenceSeal, tsa: world.pki.tsa },
    log: world.log,
  });
}

export function sealOptions(world: SampleWorld) {
  return {
    ...world.pki.evidenceSeal,
    tsa: world.pki.tsa,
    revocation: (certs: Uint8Array[]): Promise<RevocationData> => world.pki.revocationData(certs),
  };
}
