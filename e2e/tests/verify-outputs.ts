import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, expect } from '@playwright/test';
import { listSignatures, PdfFile } from '../../packages/pdf/src/index';

const REPO = join(import.meta.dirname, '..', '..');

/** Runs the product's own CLI exactly as a user would (`npx inkproof …` from the repo root). */
export function inkproof(...args: string[]): { code: number; out: string } {
  const r = spawnSync('npx', ['inkproof', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

function derLength(b: Uint8Array): number {
  if (b[1]! < 0x80) return 2 + b[1]!;
  const n = b[1]! & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i]!;
  return 2 + n + len;
}

/**
 * Independent checks of a signed PDF: `openssl cms -verify` over each signature's byte ranges (extracting /Contents by
 * its DER length) and pdfsig with an NSS db trusting our root (its text parsed: pdfsig exits 0 even on failure).
 */
export function independentPdfChecks(pdf: Uint8Array, rootPem: string) {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-verify-'));
  writeFileSync(join(dir, 'root.pem'), rootPem);
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  const file = PdfFile.parse(pdf);
  const openssl: string[] = [];
  for (const sig of listSignatures(file).filter((s) => s.kind === 'signature')) {
    const [a, b, c, d] = sig.byteRange!;
    const signed = Buffer.concat([Buffer.from(pdf.subarray(a!, a! + b!)), Buffer.from(pdf.subarray(c!, c! + d!))]);
    writeFileSync(join(dir, 'signed.bin'), signed);
    writeFileSync(join(dir, 'sig.der'), sig.contents.subarray(0, derLength(sig.contents)));
    const r = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 'sig.der'),
        '-content',
        join(dir, 'signed.bin'),
        '-CAfile',
        join(dir, 'root.pem'),
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    openssl.push(`${r.stdout}${r.stderr}`.trim());
  }
  spawnSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  spawnSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem')]);
  const pdfsig = spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'doc.pdf')], { encoding: 'utf8' }).stdout;
  return { openssl, pdfsig, dir };
}

/** The demo HIS integration's API key (seeded by `npm start` and the e2e server). */
export const HIS_KEY = 'ink_demo_0f3c9a7e5b1d4c2a8e6f0b9d7c5a3e1f';
export const HIS_HEADERS = { authorization: `Bearer ${HIS_KEY}` };

export interface SealedEnvelope {
  status: string;
  documents: { id: string; signed: boolean }[];
  bundles: { id: string }[];
}

/**
 * Waits (through the HIS API) until the envelope holds `bundles` sealed evidence bundles, then downloads every document
 * and bundle and checks them as an outsider would: each PDF with `inkproof verify`, `openssl cms -verify` and pdfsig
 * (exactly `signaturesPerDocument` signatures, all valid), each bundle with `inkproof bundle verify` and the escrow key.
 * Returns the envelope, the downloaded files' directory and per-document pdfsig text for further checks.
 */
export async function verifySealedEnvelope(
  request: APIRequestContext,
  envelopeId: string,
  expected: { bundles: number; signaturesPerDocument: number },
): Promise<{ sealed: SealedEnvelope; dir: string; pdfsig: string[]; bundleFiles: string[] }> {
  let sealed: SealedEnvelope = { status: '', documents: [], bundles: [] };
  await expect
    .poll(
      async () => {
        sealed = await (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: HIS_HEADERS })).json();
        return sealed.bundles.length;
      },
      { timeout: 90_000 },
    )
    .toBe(expected.bundles);
  const rootPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(await (await request.get('/pki/root.cer')).body()).toString('base64')}\n-----END CERTIFICATE-----\n`;
  const dir = mkdtempSync(join(tmpdir(), 'e2e-sealed-'));
  writeFileSync(join(dir, 'root.pem'), rootPem);
  const pdfsig: string[] = [];
  for (const doc of sealed.documents) {
    const url = `/api/v1/envelopes/${envelopeId}/documents/${doc.id}`;
    const pdf = new Uint8Array(await (await request.get(url, { headers: HIS_HEADERS })).body());
    writeFileSync(join(dir, `${doc.id}.pdf`), pdf);
    const cli = inkproof(
      'verify',
      join(dir, `${doc.id}.pdf`),
      '--trust',
      join(dir, 'root.pem'),
      '--data-dir',
      join(dir, 'none'),
    );
    expect(cli.code, cli.out).toBe(0);
    const checks = independentPdfChecks(pdf, rootPem);
    expect(checks.openssl).toHaveLength(expected.signaturesPerDocument);
    for (const o of checks.openssl) expect(o).toContain('Verification successful');
    expect(checks.pdfsig.match(/Signature is Valid/g)).toHaveLength(expected.signaturesPerDocument);
    expect(checks.pdfsig).not.toMatch(/Digest Mismatch|Signature is Invalid/);
    pdfsig.push(checks.pdfsig);
  }
  const escrowKey = join(tmpdir(), `inkproof-e2e-${process.env.E2E_PORT ?? 3210}`, 'escrow', 'escrow-key.pem');
  const bundleFiles: string[] = [];
  for (const b of sealed.bundles) {
    const url = `/api/v1/envelopes/${envelopeId}/bundles/${b.id}`;
    const file = join(dir, `${b.id}.zip`);
    writeFileSync(file, new Uint8Array(await (await request.get(url, { headers: HIS_HEADERS })).body()));
    const verdict = inkproof(
      'bundle',
      'verify',
      file,
      '--trust',
      join(dir, 'root.pem'),
      '--escrow-key',
      escrowKey,
      '--data-dir',
      join(dir, 'none'),
    );
    expect(verdict.code, verdict.out).toBe(0);
    expect(verdict.out).toContain('有效 VALID');
    bundleFiles.push(file);
  }
  return { sealed, dir, pdfsig, bundleFiles };
}
