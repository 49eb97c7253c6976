import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER } from '../src/container/member-names.js';
import { readContainer } from '../src/container/read-container.js';
import { inspectEvidenceBundle } from '../src/inspect-evidence-bundle.js';
import { reportErrorCodes, verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { openssl, tempDir } from './helpers.js';
import { buildSample, createSampleWorld, type SampleWorld } from './sample-bundle.js';

let world: SampleWorld;
let built: Awaited<ReturnType<typeof buildSample>>;

beforeAll(async () => {
  world = await createSampleWorld();
  built = await buildSample(world);
});

describe('buildEvidenceBundle', () => {
  it('writes mimetype first and stored, then manifest.json, documents, items, seal, log', () => {
    const names = readContainer(built.zip).map((e) => e.name);
    expect(names).toEqual([
      'mimetype',
      'manifest.json',
      'documents/consent.pdf',
      'items/ink-1.json.p7m',
      'items/photo-1.jpg.p7m',
      'items/photo-2.jpg.p7m',
      'items/fingerprint-1.png.p7m',
      'items/note.txt',
      MEMBER.seal,
      MEMBER.log,
    ]);
    expect(new TextDecoder().decode(built.zip.subarray(30, 38))).toBe('mimetype');
    expect(new TextDecoder().decode(built.zip.subarray(38, 38 + 37))).toBe('application/vnd.inkproof.evidence+zip');
  });

  it('encrypts biometric items and keeps only plaintext digests in clear', () => {
    const kinds = built.manifest.items.map((i) => [i.kind, i.encrypted]);
    expect(kinds).toEqual([
      ['ink', true],
      ['photo', true],
      ['photo', true],
      ['fingerprint', true],
      ['other', false],
    ]);
  });

  it('seal verifies with openssl cms -verify -binary over the exact manifest bytes', () => {
    const dir = tempDir();
    const entries = readContainer(built.zip);
    const manifest = entries.find((e) => e.name === 'manifest.json')!.bytes;
    const seal = entries.find((e) => e.name === MEMBER.seal)!.bytes;
    const ca = join(dir, 'ca.pem');
    openssl(['version'], { path: ca, bytes: new TextEncoder().encode(world.pki.rootPem) });
    openssl(['version'], { path: join(dir, 'm.json'), bytes: manifest });
    const r = openssl(
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 's.p7s'),
        '-content',
        join(dir, 'm.json'),
        '-CAfile',
        ca,
        '-purpose',
        'any',
        '-out',
        join(dir, 'out'),
      ],
      { path: join(dir, 's.p7s'), bytes: seal },
    );
    expect(r.stderr).toMatch(/Verification successful/);
    expect(readFileSync(join(dir, 'out'))).toEqual(Buffer.from(manifest));
  });
});

describe('verifyEvidenceBundle', () => {
  it('passes every step of a fresh bundle, escrow included', async () => {
    const report = await verifyEvidenceBundle(built.zip, {
      trustAnchors: [world.pki.rootCertificate],
      escrowKey: world.escrow.keyPem,
      trustedLogKeys: [world.logKey.publicKey],
      pdfVerifier: async () => ({ valid: true }),
    });
    expect(reportErrorCodes(report)).toEqual([]);
    expect(report.steps.map((s) => [s.step, s.status])).toEqual([
      ['container', 'pass'],
      ['manifest', 'pass'],
      ['members', 'pass'],
      ['items', 'pass'],
      ['seal', 'pass'],
      ['event-certificate', 'pass'],
      ['documents', 'pass'],
      ['log', 'pass'],
      ['escrow', 'pass'],
    ]);
    expect(report.valid).toBe(true);
    expect(report.steps.find((s) => s.step === 'escrow')?.facts.opened).toBe(4);
    const text = inspectEvidenceBundle(built.zip, { report });
    expect(text).toContain('张三');
    expect(text).toContain('有效 VALID');
  });

  it('reports a failing PDF verifier and an untrusted log key with their own codes', async () => {
    const report = await verifyEvidenceBundle(built.zip, {
      trustAnchors: [world.pki.rootCertificate],
      trustedLogKeys: [(await createSampleWorld()).logKey.publicKey],
      pdfVerifier: async () => ({ valid: false }),
    });
    expect(report.valid).toBe(false);
    expect(reportErrorCodes(report)).toEqual(['DOCUMENT_SIGNATURE_INVALID', 'LOG_KEY_UNTRUSTED']);
  });

  it('returns a plain-JSON report and never throws, whatever the input', async () => {
    const report = await verifyEvidenceBundle(built.zip, { trustAnchors: [world.pki.rootCertificate] });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    for (const junk of [new Uint8Array(0), new Uint8Array(100).fill(0x50), built.zip.subarray(0, 1000)]) {
      const r = await verifyEvidenceBundle(junk, { trustAnchors: [] });
      expect(r.valid).toBe(false);
      expect(r.steps[0]?.step).toBe('container');
      expect(r.steps[0]?.status).toBe('fail');
      expect(r.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    }
  });

  it('refuses a seal under a foreign trust anchor', async () => {
    const other = await createSampleWorld();
    const report = await verifyEvidenceBundle(built.zip, { trustAnchors: [other.pki.rootCertificate] });
    expect(reportErrorCodes(report)).toContain('SEAL_INVALID');
  });
});
