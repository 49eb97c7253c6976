import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPdf } from '@inkproof/pdf';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfsigResults, runCli } from './run-cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'inkproof-demo-'));
const out = join(cwd, 'OUT');
let demo: { code: number; out: string; err: string };

const pemToDer = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));

beforeAll(async () => {
  demo = await runCli(cwd, 'demo', '--out', 'OUT');
}, 120_000);

describe('inkproof demo', () => {
  it('runs one complete signing and says what it did', () => {
    expect(demo.err).toBe('');
    expect(demo.code).toBe(0);
    for (const name of ['signed.pdf', 'evidence.zip', 'report.pdf', 'escrow-key.pem', 'root.pem', 'log-key.pem'])
      expect(statSync(join(out, name)).size).toBeGreaterThan(0);
    expect(demo.out).toContain('event key destroyed');
    expect(demo.out).toContain('demo only');
    expect(readFileSync(join(out, 'escrow-key.pem'), 'utf8')).toMatch(/^# DEMO ONLY/);
    expect(statSync(join(cwd, 'data', 'pki', 'pki-state.json')).isFile()).toBe(true);
  });

  it('produces a bundle that `inkproof bundle verify` accepts with the demo escrow key, root and log key', async () => {
    const r = await runCli(
      cwd,
      'bundle',
      'verify',
      'OUT/evidence.zip',
      '--escrow-key',
      'OUT/escrow-key.pem',
      '--trust',
      'OUT/root.pem',
      '--log-key',
      'OUT/log-key.pem',
      '--json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { valid: boolean; steps: { step: string; status: string }[] };
    expect(report.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'container:pass',
      'manifest:pass',
      'members:pass',
      'items:pass',
      'seal:pass',
      'event-certificate:pass',
      'documents:pass',
      'log:pass',
      'escrow:pass',
    ]);
    // The biometric and ID items are encrypted: no JPEG or ink JSON in clear inside the zip.
    const names = Object.keys(unzipSync(readFileSync(join(out, 'evidence.zip'))));
    expect(names.filter((n) => n.startsWith('items/')).every((n) => n.endsWith('.p7m'))).toBe(true);
  }, 60_000);

  it('signs the consent so that `inkproof verify` exits 0', async () => {
    const r = await runCli(cwd, 'verify', 'OUT/signed.pdf');
    expect(r.code).toBe(0);
  }, 60_000);

  it('refuses to run without --out (usage, exit 2)', async () => {
    const r = await runCli(cwd, 'demo');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out');
  });

  it('opens an escrowed item with openssl and the demo key', () => {
    const dir = join(cwd, 'unzipped');
    mkdirSync(dir, { recursive: true });
    const files = unzipSync(readFileSync(join(out, 'evidence.zip')));
    const photo = Object.keys(files).find((n) => n.startsWith('items/face-photo'))!;
    const path = join(dir, 'photo.p7m');
    writeFileSync(path, files[photo]!);
    const r = spawnSync('openssl', [
      'cms',
      '-decrypt',
      '-binary',
      '-inform',
      'DER',
      '-in',
      path,
      '-inkey',
      join(out, 'escrow-key.pem'),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('writes a sealed court report that verifyPdf and pdfsig accept', async () => {
    const report = new Uint8Array(readFileSync(join(out, 'report.pdf')));
    const root = pemToDer(readFileSync(join(out, 'root.pem'), 'utf8'));
    const v = await verifyPdf(report, { trustAnchors: [root] });
    expect(v.verdict).toBe('VALID');
    const nss = join(cwd, 'nssdb');
    mkdirSync(nss);
    spawnSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    spawnSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(out, 'root.pem')]);
    const sigs = pdfsigResults(join(out, 'report.pdf'), nss);
    expect(sigs[0]?.signature).toBe('Signature is Valid.');
    const consentSigs = pdfsigResults(join(out, 'signed.pdf'), nss);
    expect(consentSigs[0]?.signature).toBe('Signature is Valid.');
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', join(out, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('赵颖菊');
    expect(text).toContain('书写速度 / pen speed');
    expect(text).toMatch(/时间戳时间 \/ time-stamp\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    expect(text).not.toContain('21010219470628083X');
  }, 60_000);
});
