import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfVerifierFor, verifyPdf } from '@inkproof/pdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCourtReport } from '../../src/report/render-court-report.js';
import { sealCourtReport } from '../../src/report/seal-court-report.js';
import { verificationCommands } from '../../src/report/verification-commands.js';
import { verifyEvidenceBundle } from '../../src/verify/verify-evidence-bundle.js';
import { escrowFixture, pemToDer, tempDir } from '../helpers.js';
import { createSampleWorld, type SampleWorld } from '../sample-bundle.js';
import { buildReportBundle, CLEAR_ID_NUMBER, ESCROWED_ID_NUMBER, sealOptions } from './report-bundle.js';

const VECTORS = fileURLToPath(new URL('../vectors/v1/', import.meta.url));
const dir = tempDir();

function pdftotext(pdf: Uint8Array, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

let world: SampleWorld;
let withKey: string;
let withoutKey: string;
let reportPdf: Uint8Array;
let bundleZip: Uint8Array;

beforeAll(async () => {
  world = await createSampleWorld({ dir: tempDir(), escrow: 'rsa' });
  const bundle = await buildReportBundle(world);
  bundleZip = bundle.zip;
  const root = world.pki.rootCertificate;
  const escrowKey = world.escrow.keyPem;
  const report = await verifyEvidenceBundle(bundle.zip, {
    trustAnchors: [root],
    pdfVerifier: pdfVerifierFor([root]),
    escrowKey,
  });
  expect(report.valid).toBe(true);
  reportPdf = await renderCourtReport({
    zip: bundle.zip,
    report,
    escrowKey,
    hospitalName: '示例市第一人民医院',
    generatedAt: new Date('2026-11-22T04:00:00Z'),
    verificationBaseUrl: 'https://records.example.org/verify',
    trustAnchors: [root],
  });
  withKey = pdftotext(reportPdf, 'with-key.pdf');
  withoutKey = pdftotext(await renderCourtReport({ zip: bundle.zip, report }), 'without-key.pdf');
}, 120_000);

describe('renderCourtReport', () => {
  it('states the signer, role, verdict and every verification step', () => {
    for (const fact of ['张三', '患者本人', '电子签署出证报告', 'bundle-report-5', 'VALID'])
      expect(withKey).toContain(fact);
    for (const step of [
      '容器 / container',
      '清单 / manifest',
      '封印与时间戳',
      '事件证书',
      '签署文件',
      '透明日志',
      '托管解密',
    ])
      expect(withKey).toContain(step);
    expect(withKey).toMatch(/通过 PASS/);
    expect(withKey).not.toMatch(/失败 FAIL/);
  });

  it('prints the ID number only masked', () => {
    expect(withKey).toContain('110105********1239');
    expect(withKey).not.toContain(CLEAR_ID_NUMBER);
    // The escrowed OCR result is opened with the escrow key, and its number still printed masked.
    expect(withKey).toContain('210102********083X');
    expect(withKey).toContain('check digit valid');
    expect(withKey).not.toContain(ESCROWED_ID_NUMBER);
    expect(withoutKey).not.toContain('210102');
  });

  it('lists the certificates, the log entry and the independent verification commands', () => {
    for (const fact of ['inkproof Evidence Seal', '序列号 / serial', '叶子序号 / leaf index', '根哈希 / root hash']) {
      expect(withKey).toContain(fact);
    }
    for (const command of [
      'openssl cms -verify -binary -inform DER -in bundle/seal/manifest.p7s',
      'openssl ts -verify',
      'pdfsig -nssdir sql:nssdb bundle/documents/',
      'inkproof bundle verify evidence.zip',
      'certutil -A -d sql:nssdb',
    ]) {
      expect(withKey.replace(/\s+/g, ' ')).toContain(command);
    }
  });

  it('lists each PDF signature with its verified time-stamp time', () => {
    expect(withKey).toContain('签名 / signature');
    expect(withKey).toMatch(/时间戳时间 \/ time-stamp\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  });

  it('prints openssl commands that pass when run as printed on the unzipped bundle', () => {
    const work = join(dir, 'independent');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'evidence.zip'), bundleZip);
    writeFileSync(join(work, 'root.pem'), world.pki.rootPem);
    writeFileSync(join(work, 'escrow-key.pem'), world.escrow.keyPem);
    const lines = verificationCommands(undefined)
      .flatMap((c) => c.lines)
      .filter(
        (l) =>
          l.startsWith('unzip') ||
          l.startsWith('openssl cms -verify') ||
          l.startsWith('jq') ||
          l.startsWith('D=') ||
          l.startsWith('openssl ts'),
      );
    expect(lines.length).toBe(5);
    const r = spawnSync('sh', ['-ec', lines.join('\n')], { cwd: work, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toContain('CMS Verification successful');
    expect(`${r.stdout}${r.stderr}`).toContain('Verification: OK');
    expect(r.status).toBe(0);
  });

  it('draws the handwriting with speed and pressure plots and photo thumbnails when the escrow key is given', () => {
    expect(withKey).toContain('书写速度 / pen speed');
    expect(withKey).toContain('笔压 / pen pressure');
    const path = join(dir, 'with-key.pdf');
    const images = tool('pdfimages', ['-list', path])
      .split('\n')
      .filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    expect(images.length).toBe(1);
    expect(withKey).not.toContain('已加密托管');
  });

  it('says that photos and handwriting are escrowed without the escrow key', () => {
    expect(withoutKey).toContain('已加密托管');
    expect(withoutKey).toContain('escrowed');
    expect(withoutKey).not.toContain('书写速度 / pen speed');
  });

  it('embeds the CJK font', () => {
    const fonts = tool('pdffonts', [join(dir, 'with-key.pdf')]);
    const row = fonts.split('\n').find((l) => /WenQuanYi|CJK/i.test(l));
    expect(row).toBeDefined();
    expect(row).toMatch(/TrueType.*\byes\b/);
  });

  it('reports a tampered bundle as NOT VALID with the failing step and its code', async () => {
    const tampered = bundleZip.slice();
    const at = Buffer.from(tampered).indexOf('documents/consent.pdf') + 400;
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    const root = world.pki.rootCertificate;
    const report = await verifyEvidenceBundle(tampered, { trustAnchors: [root], pdfVerifier: pdfVerifierFor([root]) });
    expect(report.valid).toBe(false);
    const text = pdftotext(await renderCourtReport({ zip: tampered, report }), 'tampered.pdf');
    expect(text).toContain('NOT VALID');
    expect(text).toContain('失败 FAIL');
    const code = report.steps.flatMap((s) => s.errors)[0]?.code;
    expect(code).toBeDefined();
    expect(text).toContain(`[${code}]`);
  });

  it('reports a committed v1 vector (seeded, non-image items) without failing', async () => {
    const pem = (f: string) => pemToDer(readFileSync(join(VECTORS, f), 'utf8'));
    const zip = new Uint8Array(readFileSync(join(VECTORS, 'bundle-rsa-escrow.zip')));
    const root = pem('bundle-rsa-escrow.zip.root.pem');
    const escrowKey = escrowFixture('rsa').keyPem;
    const report = await verifyEvidenceBundle(zip, {
      trustAnchors: [root],
      pdfVerifier: pdfVerifierFor([root]),
      escrowKey,
      trustedLogKeys: [pem('bundle-rsa-escrow.zip.log-key.pem')],
    });
    const text = pdftotext(await renderCourtReport({ zip, report, escrowKey }), 'vector.pdf');
    expect(text).toContain('张三');
    expect(text).toContain('不是可绘制的笔迹文档');
    expect(text).toContain('不是可显示的 JPEG/PNG');
  });
});

describe('sealCourtReport', () => {
  it('produces a PAdES B-LTA report that verifyPdf and pdfsig accept', async () => {
    const sealed = await sealCourtReport(reportPdf, sealOptions(world));
    const verdict = await verifyPdf(sealed, { trustAnchors: [world.pki.rootCertificate] });
    expect(verdict.verdict).toBe('VALID');
    expect(verdict.signatures.some((s) => s.kind === 'doc-timestamp')).toBe(true);
    expect(verdict.signatures.find((s) => s.kind === 'signature')?.level).toBe('B-LTA');
    const path = join(dir, 'sealed.pdf');
    writeFileSync(path, sealed);
    const nss = join(dir, 'nssdb');
    const rootPem = join(dir, 'root.pem');
    writeFileSync(rootPem, world.pki.rootPem);
    tool('mkdir', ['-p', nss]);
    tool('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    tool('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'root', '-t', 'CT,C,C', '-i', rootPem]);
    const out = tool('pdfsig', ['-nssdir', `sql:${nss}`, '-no-ocsp', path]);
    expect(out).toContain('Signature is Valid');
    expect(out).not.toContain('Digest Mismatch');
  }, 60_000);
});
