import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContainer } from '../src/container/read-container.js';
import { inspectEvidenceBundle } from '../src/inspect-evidence-bundle.js';
import { reportErrorCodes, verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { openssl, pemToDer, tempDir } from './helpers.js';
import { pdfVerifierFor } from './pdf-document.js';

const V1 = new URL('./vectors/v1/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, V1));
const expected = JSON.parse(read('expected.json').toString('utf8')) as Record<
  string,
  {
    escrowKey: string;
    bundleId: string;
    manifestSha256: string;
    leafIndex: number;
    items: { path: string; sha256: string; encrypted: boolean }[];
  }
>;

describe.each(Object.entries(expected))('committed v1 vector %s', (name, want) => {
  const zip = new Uint8Array(read(name));
  const root = pemToDer(read(`${name}.root.pem`).toString('utf8'));
  const logKey = pemToDer(read(`${name}.log-key.pem`).toString('utf8'));
  const escrowKey = read(want.escrowKey).toString('utf8');

  it('verifies in every step, escrow and PDF signatures included', async () => {
    const report = await verifyEvidenceBundle(zip, {
      trustAnchors: [root],
      trustedLogKeys: [logKey],
      escrowKey,
      pdfVerifier: pdfVerifierFor([root]),
    });
    expect(reportErrorCodes(report)).toEqual([]);
    expect(report.steps.every((s) => s.status === 'pass')).toBe(true);
    expect(report.bundleId).toBe(want.bundleId);
    expect(report.manifestSha256).toBe(want.manifestSha256);
    expect(report.steps.find((s) => s.step === 'log')?.facts.leafIndex).toBe(want.leafIndex);
    expect(report.steps.find((s) => s.step === 'documents')?.facts['consent.extendsOriginal']).toBe(true);
    expect(report.steps.find((s) => s.step === 'documents')?.facts['consent.verdict']).toBe('VALID');
  }, 60_000);

  it('inspects to the same text as when it was made', () => {
    expect(inspectEvidenceBundle(zip)).toBe(read(`${name}.inspect.txt`).toString('utf8'));
  });

  it('opens with openssl: seal over the exact manifest bytes, items with the escrow key', () => {
    const dir = tempDir();
    const entries = readContainer(zip);
    const member = (n: string) => entries.find((e) => e.name === n)!.bytes;
    openssl(['version'], { path: join(dir, 'root.pem'), bytes: read(`${name}.root.pem`) });
    openssl(['version'], { path: join(dir, 'm.json'), bytes: member('manifest.json') });
    const v = openssl(
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 's'),
        '-content',
        join(dir, 'm.json'),
        '-CAfile',
        join(dir, 'root.pem'),
        '-purpose',
        'any',
        '-out',
        join(dir, 'o'),
      ],
      { path: join(dir, 's'), bytes: member('seal/manifest.p7s') },
    );
    expect(v.stderr).toMatch(/Verification successful/);
    const item = want.items.find((i) => i.encrypted)!;
    openssl(['version'], { path: join(dir, 'k.pem'), bytes: new TextEncoder().encode(escrowKey) });
    const d = openssl(
      [
        'cms',
        '-decrypt',
        '-inform',
        'DER',
        '-in',
        join(dir, 'i'),
        '-inkey',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'p'),
      ],
      {
        path: join(dir, 'i'),
        bytes: member(item.path),
      },
    );
    expect(d.status, d.stderr).toBe(0);
    const plain = readFileSync(join(dir, 'p'));
    expect(createHash('sha256').update(plain).digest('hex')).toBe(item.sha256);
  });
});
