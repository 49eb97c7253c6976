import { type Zippable, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceBundle } from '../src/bundle/build-evidence-bundle.js';
import { MEMBER } from '../src/container/member-names.js';
import { type ContainerEntry, readContainer } from '../src/container/read-container.js';
import type { EvidenceErrorCode } from '../src/errors.js';
import type { VerifyEvidenceOptions } from '../src/verify/verification-report.js';
import { reportErrorCodes, verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { seededRandom } from './helpers.js';
import { buildSample, createSampleWorld, type SampleWorld, sampleBundleInput } from './sample-bundle.js';

let world: SampleWorld;
let zipA: Uint8Array;
let zipB: Uint8Array;
let entriesA: ContainerEntry[];
let options: VerifyEvidenceOptions;

function rezip(entries: { name: string; bytes: Uint8Array; isCompressed?: boolean }[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries)
    files[e.name] = [e.bytes, { level: e.isCompressed ? 6 : 0, mtime: new Date('2026-11-22T00:00:00Z') }];
  return zipSync(files);
}

async function codesOf(zip: Uint8Array, what = ''): Promise<string[]> {
  const report = await verifyEvidenceBundle(zip, options);
  expect(report.valid, `undetected: ${what}`).toBe(false);
  return reportErrorCodes(report);
}

beforeAll(async () => {
  world = await createSampleWorld();
  zipA = (await buildSample(world, 1)).zip;
  zipB = (await buildSample(world, 2)).zip;
  entriesA = readContainer(zipA);
  options = {
    trustAnchors: [world.pki.rootCertificate],
    escrowKey: world.escrow.keyPem,
    trustedLogKeys: [world.logKey.publicKey],
    pdfVerifier: async () => ({ valid: true }),
  };
});

/** Codes that may report a changed byte in each member (re-zipped so the zip itself stays well-formed). */
function expectedCodesFor(name: string): EvidenceErrorCode[] {
  if (name === MEMBER.mimetype) return ['CONTAINER_MIMETYPE_INVALID'];
  if (name === MEMBER.manifest) {
    return [
      'MANIFEST_NOT_JSON',
      'MANIFEST_NOT_CANONICAL',
      'MANIFEST_SCHEMA_INVALID',
      'MANIFEST_UNSUPPORTED_VERSION',
      'SEAL_INVALID',
    ];
  }
  if (name.startsWith('documents/')) return ['DOCUMENT_DIGEST_MISMATCH'];
  if (name.endsWith('.p7m')) return ['ENCRYPTED_DIGEST_MISMATCH'];
  if (name.startsWith('items/')) return ['ITEM_DIGEST_MISMATCH'];
  if (name === MEMBER.seal) return ['SEAL_INVALID', 'SEAL_TIMESTAMP_INVALID', 'SEAL_TIMESTAMP_MISSING'];
  return [
    'LOG_ENTRY_INVALID',
    'LOG_LEAF_MISMATCH',
    'LOG_TREE_HEAD_INVALID',
    'LOG_INCLUSION_INVALID',
    'LOG_TIMESTAMP_INVALID',
    'LOG_KEY_UNTRUSTED',
  ];
}

describe('tamper detection', () => {
  it('the untouched bundle verifies (control)', async () => {
    const report = await verifyEvidenceBundle(rezip(entriesA), options);
    expect(reportErrorCodes(report)).toEqual([]);
  });

  it('detects a changed byte at sampled positions of every member, with that member’s code', async () => {
    const random = seededRandom(2026);
    for (const [index, entry] of entriesA.entries()) {
      const n = entry.bytes.byteLength;
      const positions = [0, n - 1, ...Array.from({ length: 2 }, () => Math.floor(random() * n))];
      for (const [k, pos] of positions.entries()) {
        const bytes = entry.bytes.slice();
        bytes[pos] = bytes[pos]! ^ (k % 2 === 0 ? 0x01 : 0x80);
        const zip = rezip(entriesA.map((e, i) => (i === index ? { ...e, bytes } : e)));
        const codes = await codesOf(zip, `${entry.name}@${pos}`);
        const allowed = expectedCodesFor(entry.name);
        expect(
          codes.filter((c) => allowed.includes(c as EvidenceErrorCode)),
          `${entry.name}@${pos}: ${codes}`,
        ).not.toEqual([]);
      }
    }
  }, 60_000);

  it('detects a changed byte anywhere inside member data of the raw zip', async () => {
    const random = seededRandom(7);
    for (let i = 0; i < 24; i++) {
      const zip = zipA.slice();
      const pos = Math.floor(random() * zip.byteLength);
      zip[pos] = zip[pos]! ^ (1 << Math.floor(random() * 8));
      const report = await verifyEvidenceBundle(zip, options);
      // Header fields that carry no evidence (e.g. "version made by") may change harmlessly; content may not.
      if (report.valid) expect(isInsideMemberData(pos), `flip at ${pos} undetected`).toBe(false);
    }
  }, 60_000);

  it('member removed → CONTAINER_MEMBER_MISSING', async () => {
    const codes = await codesOf(rezip(entriesA.filter((e) => e.name !== 'items/photo-2.jpg.p7m')));
    expect(codes).toContain('CONTAINER_MEMBER_MISSING');
    expect(codes).toContain('ITEM_MEMBER_MISSING');
  });

  it('member added → CONTAINER_MEMBER_UNEXPECTED', async () => {
    const extra = { name: 'items/extra.txt', bytes: new TextEncoder().encode('not sealed'), isCompressed: false };
    expect(await codesOf(rezip([...entriesA.slice(0, -1), extra, entriesA.at(-1)!]))).toEqual([
      'CONTAINER_MEMBER_UNEXPECTED',
    ]);
  });

  it('member renamed → CONTAINER_MEMBER_MISSING + CONTAINER_MEMBER_UNEXPECTED', async () => {
    const renamed = entriesA.map((e) => (e.name === 'items/note.txt' ? { ...e, name: 'items/note2.txt' } : e));
    const codes = await codesOf(rezip(renamed));
    expect(codes).toEqual(expect.arrayContaining(['CONTAINER_MEMBER_MISSING', 'CONTAINER_MEMBER_UNEXPECTED']));
  });

  it('members reordered → CONTAINER_MEMBER_ORDER (and manifest not second → CONTAINER_MEMBER_ORDER)', async () => {
    const swapped = entriesA.slice();
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(await codesOf(rezip(swapped))).toEqual(['CONTAINER_MEMBER_ORDER']);
    const manifestLast = [entriesA[0]!, ...entriesA.slice(2), entriesA[1]!];
    expect(await codesOf(rezip(manifestLast))).toEqual(['CONTAINER_MEMBER_ORDER']);
  });

  it('manifest swapped with another bundle’s → SEAL_INVALID and LOG_LEAF_MISMATCH', async () => {
    const manifestB = readContainer(zipB).find((e) => e.name === MEMBER.manifest)!;
    const codes = await codesOf(rezip(entriesA.map((e) => (e.name === MEMBER.manifest ? manifestB : e))));
    expect(codes).toEqual(expect.arrayContaining(['SEAL_INVALID', 'LOG_LEAF_MISMATCH']));
  });

  it('seal replaced by another bundle’s → SEAL_INVALID only', async () => {
    const sealB = readContainer(zipB).find((e) => e.name === MEMBER.seal)!;
    expect(await codesOf(rezip(entriesA.map((e) => (e.name === MEMBER.seal ? sealB : e))))).toEqual(['SEAL_INVALID']);
  });

  it('log proof for another leaf → LOG_LEAF_MISMATCH only', async () => {
    const logB = readContainer(zipB).find((e) => e.name === MEMBER.log)!;
    expect(await codesOf(rezip(entriesA.map((e) => (e.name === MEMBER.log ? logB : e))))).toEqual([
      'LOG_LEAF_MISMATCH',
    ]);
  });

  it('a changed byte in a spare certificate copy inside the seal or the tree-head token → its step’s code', async () => {
    const root = world.pki.rootCertificate;
    const patchRoot = (bytes: Uint8Array): Uint8Array => {
      const at = Buffer.from(bytes).indexOf(Buffer.from(root));
      expect(at).toBeGreaterThan(0);
      const out = bytes.slice();
      out[at + 200] = out[at + 200]! ^ 0x01;
      return out;
    };
    const seal = entriesA.find((e) => e.name === MEMBER.seal)!;
    const sealCodes = await codesOf(
      rezip(entriesA.map((e) => (e === seal ? { ...e, bytes: patchRoot(seal.bytes) } : e))),
    );
    expect(sealCodes).toContain('SEAL_INVALID');
    expect(sealCodes.every((c) => c.startsWith('SEAL_'))).toBe(true);
    const log = entriesA.find((e) => e.name === MEMBER.log)!;
    const entry = JSON.parse(new TextDecoder().decode(log.bytes));
    const token = Buffer.from(entry.treeHead.timestampToken, 'base64');
    entry.treeHead.timestampToken = Buffer.from(patchRoot(token)).toString('base64');
    const logBytes = new TextEncoder().encode(JSON.stringify(entry));
    expect(await codesOf(rezip(entriesA.map((e) => (e === log ? { ...e, bytes: logBytes } : e))))).toEqual([
      'LOG_TIMESTAMP_INVALID',
    ]);
  });

  it('inclusion proof of another leaf under this leaf hash → LOG_INCLUSION_INVALID only', async () => {
    const logA = entriesA.find((e) => e.name === MEMBER.log)!;
    const entryA = JSON.parse(new TextDecoder().decode(logA.bytes));
    const entryB = JSON.parse(new TextDecoder().decode(readContainer(zipB).find((e) => e.name === MEMBER.log)!.bytes));
    const mixed = {
      ...entryA,
      leafIndex: entryB.leafIndex,
      inclusionProof: entryB.inclusionProof,
      treeHead: entryB.treeHead,
    };
    const bytes = new TextEncoder().encode(JSON.stringify(mixed));
    expect(await codesOf(rezip(entriesA.map((e) => (e === logA ? { ...e, bytes } : e))))).toEqual([
      'LOG_INCLUSION_INVALID',
    ]);
  });

  it('a seal made with an event key (same root) → SEAL_SIGNER_UNTRUSTED; pinning seal certificates', async () => {
    const input = await sampleBundleInput(world, 41, 0.01);
    const event = await world.pki.issueEventCertificate({
      name: 'x',
      role: 'patient',
      evidenceDigest: new Uint8Array(32),
    });
    const forged = await buildEvidenceBundle({
      ...input,
      seal: { signer: event.signer, certificate: event.certificate, chain: event.chain, tsa: world.pki.tsa },
    });
    expect(await codesOf(forged.zip)).toEqual(['SEAL_SIGNER_UNTRUSTED']);
    const honest = await verifyEvidenceBundle(zipA, {
      ...options,
      sealCertificates: [world.pki.evidenceSeal.certificate],
    });
    expect(reportErrorCodes(honest)).toEqual([]);
    const other = await createSampleWorld();
    const pinnedElsewhere = await verifyEvidenceBundle(zipA, {
      ...options,
      sealCertificates: [other.pki.evidenceSeal.certificate],
    });
    expect(reportErrorCodes(pinnedElsewhere)).toEqual(['SEAL_SIGNER_UNTRUSTED']);
  });

  it('escrow check catches a wrong escrow key', async () => {
    const other = (await import('./helpers.js')).escrowFixture('ec');
    const report = await verifyEvidenceBundle(zipA, { ...options, escrowKey: other.keyPem });
    expect(new Set(reportErrorCodes(report))).toEqual(new Set(['ESCROW_DECRYPT_FAILED']));
  });
});

/** True when a zip offset lies inside some member's data (not in a header or the central directory). */
function isInsideMemberData(pos: number): boolean {
  const view = new DataView(zipA.buffer, zipA.byteOffset, zipA.byteLength);
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + view.getUint32(at + 18, true);
    if (pos >= start && pos < end) return true;
    at = end;
  }
  return false;
}
