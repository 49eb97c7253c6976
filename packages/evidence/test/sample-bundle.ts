import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { type BuiltinPki, createBuiltinPki } from '@inkproof/pki';
import { buildEvidenceBundle } from '../src/bundle/build-evidence-bundle.js';
import type { BuildEvidenceBundleInput, DocumentInput } from '../src/bundle/bundle-input.js';
import { describeEvidence } from '../src/bundle/describe-evidence.js';
import { type HeadPolicy, TransparencyLog } from '../src/merkle/transparency-log.js';
import { MemoryTreeStore } from '../src/merkle/tree-store.js';
import { fromHex } from '../src/util/bytes.js';
import { escrowFixture, seededBytes, tempDir } from './helpers.js';
import { makeThreePagePdf, signWithEvent } from './pdf-document.js';

/** A typical sitting: 3-page PDF, 2 photos, 1 fingerprint, 2,000-sample ink trace. */
export function sampleCapture(seed = 1, scale = 1) {
  const enc = new TextEncoder();
  const samples = Array.from({ length: Math.ceil(2000 * scale) }, (_, i) => [
    i * 5,
    100 + ((i * 7 + seed) % 400),
    80 + ((i * 3) % 200),
    (i % 100) / 100,
  ]);
  const pdf = (tag: string) => {
    const body = seededBytes(Math.ceil(60_000 * scale), seed * 31 + tag.length);
    return new Uint8Array([...enc.encode(`%PDF-1.7\n% ${tag}\n`), ...body, ...enc.encode('\n%%EOF\n')]);
  };
  const t0 = Date.parse('2026-11-22T02:00:00Z');
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  return {
    claims: {
      name: '张三',
      role: '患者本人',
      idNumberHash: 'ab'.repeat(32),
      ocr: { engine: 'tesseract 5', fields: [{ name: 'name', value: '张三', confidence: 0.93 }] },
      identityChecks: [{ check: 'id-card-ocr-name-match', result: 'pass' as const, at: at(30) }],
    },
    timeline: {
      startedAt: at(0),
      completedAt: at(240),
      pages: [1, 2, 3].map((page) => ({ document: 'consent', page, shownAt: at(page * 40), durationMs: 40_000 })),
      scrolledToEnd: true,
      notices: [{ id: 'risk-notice', acceptedAt: at(150) }],
      quiz: [{ question: '手术风险是否已告知？', answer: '是', isCorrect: true, at: at(170) }],
      handCopiedPhrase: { expected: '本人已阅读并同意', recognized: '本人已阅读并同意', isMatch: true },
      events: [{ at: at(200), type: 'signature-started' }],
    },
    device: {
      model: 'Test Pad 10',
      platform: 'Android 14',
      userAgent: 'Mozilla/5.0 (Linux; Android 14)',
      ip: '10.0.0.23',
      inputType: 'pen' as const,
      capabilities: { pressure: true, tilt: false },
      sampleRateHz: 200,
      clockOffsetsMs: [12, 9],
    },
    items: [
      {
        id: 'ink-1',
        kind: 'ink' as const,
        mediaType: 'application/json',
        bytes: enc.encode(JSON.stringify({ v: 1, samples })),
      },
      {
        id: 'photo-1',
        kind: 'photo' as const,
        mediaType: 'image/jpeg',
        bytes: seededBytes(Math.ceil(80_000 * scale), seed + 2),
      },
      {
        id: 'photo-2',
        kind: 'photo' as const,
        mediaType: 'image/jpeg',
        bytes: seededBytes(Math.ceil(80_000 * scale), seed + 3),
      },
      {
        id: 'fingerprint-1',
        kind: 'fingerprint' as const,
        mediaType: 'image/png',
        bytes: seededBytes(Math.ceil(30_000 * scale), seed + 4),
      },
      { id: 'note', kind: 'other' as const, mediaType: 'text/plain', bytes: enc.encode(`bedside note ${seed}`) },
    ],
    // Signing appends an incremental update: the presented document is a prefix of the signed one.
    documents: [
      {
        id: 'consent',
        title: '手术知情同意书',
        before: pdf('before'),
        signed: new Uint8Array([...pdf('before'), ...enc.encode('\n% signature revision\n%%EOF\n')]),
      },
    ] as DocumentInput[],
  };
}

export interface SampleWorld {
  pki: BuiltinPki;
  log: TransparencyLog;
  logKey: { privateKey: KeyObject; publicKey: KeyObject };
  escrow: ReturnType<typeof escrowFixture>;
}

export async function createSampleWorld(
  opts: { dir?: string; clock?: () => Date; escrow?: 'rsa' | 'ec'; headPolicy?: HeadPolicy } = {},
): Promise<SampleWorld> {
  const pki = await createBuiltinPki({ dir: opts.dir ?? tempDir(), ...(opts.clock ? { clock: opts.clock } : {}) });
  const logKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const log = new TransparencyLog({
    store: new MemoryTreeStore(),
    signer: logKey.privateKey,
    publicKey: logKey.publicKey,
    tsa: pki.tsa,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.headPolicy ? { headPolicy: opts.headPolicy } : {}),
  });
  return { pki, log, logKey, escrow: escrowFixture(opts.escrow ?? 'rsa') };
}

export async function sampleBundleInput(
  world: SampleWorld,
  seed = 1,
  scale = 1,
  opts: { realPdf?: boolean } = {},
): Promise<BuildEvidenceBundleInput> {
  const capture = sampleCapture(seed, scale);
  if (opts.realPdf) capture.documents[0]!.before = await makeThreePagePdf(seed);
  const { evidenceDigest } = describeEvidence(capture);
  const credential = await world.pki.issueEventCertificate({
    name: capture.claims.name,
    role: capture.claims.role,
    evidenceDigest: fromHex(evidenceDigest),
  });
  if (opts.realPdf) {
    const before = capture.documents[0]!.before as Uint8Array;
    capture.documents[0]!.signed = await signWithEvent(before, credential, world.pki);
  }
  await credential.destroy();
  return {
    ...capture,
    bundleId: `bundle-${seed}`,
    envelopeId: `env-${seed}`,
    signerId: `signer-${seed}`,
    eventCertificate: credential.certificate,
    escrowCertificate: world.escrow.certificate,
    seal: { ...world.pki.evidenceSeal, tsa: world.pki.tsa },
    log: world.log,
  };
}

export async function buildSample(world: SampleWorld, seed = 1, scale = 1, opts: { realPdf?: boolean } = {}) {
  return buildEvidenceBundle(await sampleBundleInput(world, seed, scale, opts));
}
