import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  appendIncrementalUpdate,
  listPages,
  PdfDict,
  PdfFile,
  type PdfRef,
  PdfStream,
  UpdateBuilder,
} from '@inkproof/pdf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfsigResults, runCli } from './run-cli.js';

// Signing with real keys and spawning openssl/pdfsig takes seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const here = dirname(fileURLToPath(import.meta.url));
const VECTORS = resolve(here, '../../../../shared/vectors/pdf');
const BIN = resolve(here, '../bin/inkproof.mjs');

const INK = [
  Array.from({ length: 25 }, (_, i) => ({ t: i * 8, x: i * 5, y: 30 + 12 * Math.sin(i / 3), pressure: 0.4 + i / 80 })),
];

describe('inkproof sign / verify / pki', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'in.pdf'), readFileSync(join(VECTORS, 'signer-input/minimal-two-fields.pdf')));
    writeFileSync(join(dir, 'ink.json'), JSON.stringify(INK));
    const steps = [
      ['sign', 'in.pdf', 'a.pdf', '--name', '张三', '--role', 'patient', '--field', 'Sig1', '--ink', 'ink.json'],
      ['sign', 'a.pdf', 'b.pdf', '--name', '张小红', '--role', 'guardian', '--relationship', '女儿', '--field', 'Sig2'],
      ['sign', 'b.pdf', 'c.pdf', '--name', '李医生', '--role', 'doctor', '--page', '1', '--rect', '150,10,140,50'],
    ];
    for (const s of steps) {
      const r = await runCli(dir, ...s);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
  }, 120_000);

  it('three signers: pdfsig shows every signature valid, inkproof verify exits 0', async () => {
    expect((await runCli(dir, 'pki', 'export-root', 'root.pem')).code).toBe(0);
    const nss = mkdtempSync(join(tmpdir(), 'cli-nss-'));
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem')]);
    const sigs = pdfsigResults(join(dir, 'c.pdf'), nss).filter((s) => s.type === 'ETSI.CAdES.detached');
    expect(sigs.map((s) => s.signature)).toEqual(Array(3).fill('Signature is Valid.'));
    const r = await runCli(dir, 'verify', 'c.pdf');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/VALID/);
  });

  it('verify --json prints the typed report', async () => {
    const r = await runCli(dir, 'verify', 'c.pdf', '--json');
    const report = JSON.parse(r.out) as { verdict: string; signatures: { kind: string; level: string }[] };
    expect(report.verdict).toBe('VALID');
    expect(report.signatures.filter((s) => s.kind === 'signature').map((s) => s.level)).toEqual([
      'B-LTA',
      'B-LTA',
      'B-LTA',
    ]);
  });

  it('a shadow update appended to the signed file: exit 1 with the reason', async () => {
    const file = PdfFile.parse(readFileSync(join(dir, 'c.pdf')));
    const b = new UpdateBuilder(file);
    b.put(listPages(file)[0]!.dict.get('Contents') as PdfRef, new PdfStream(new PdfDict(), Buffer.from('BT ET')));
    writeFileSync(join(dir, 'shadow.pdf'), appendIncrementalUpdate(file, b.objects()).bytes);
    const r = await runCli(dir, 'verify', 'shadow.pdf');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/REVISION_PAGE_CONTENT_CHANGED/);
  });

  it('without the data-dir root, --trust with the exported root still verifies; nothing trusted → non-zero', async () => {
    const other = mkdtempSync(join(tmpdir(), 'cli-other-'));
    writeFileSync(join(other, 'c.pdf'), readFileSync(join(dir, 'c.pdf')));
    expect((await runCli(other, 'verify', 'c.pdf')).code).toBe(1);
    expect((await runCli(other, 'verify', 'c.pdf', '--trust', join(dir, 'root.pem'))).code).toBe(0);
  });

  it('--sm2 warns that PDF validators do not support SM2 and signs with SM2/SM3', async () => {
    const r = await runCli(dir, 'sign', 'in.pdf', 'sm2.pdf', '--sm2', '--level', 'B-T', '--name', '王五');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/SM2 PAdES signatures are not supported by common PDF validators/);
    const v = await runCli(dir, 'verify', 'sm2.pdf', '--json');
    const report = JSON.parse(v.out) as { verdict: string; signatures: { level: string }[] };
    expect(report.signatures[0]!.level).toBe('B-T');
    expect(v.code).toBe(report.verdict === 'VALID' ? 0 : 1);
  });

  it('--lock Sig2 (FieldMDP): a later signature into Sig2 makes verify fail with FIELDMDP_VIOLATION', async () => {
    expect(
      (await runCli(dir, 'sign', 'in.pdf', 'l1.pdf', '--field', 'Sig1', '--lock', 'Sig2', '--level', 'B-T')).code,
    ).toBe(0);
    expect((await runCli(dir, 'sign', 'l1.pdf', 'l2.pdf', '--field', 'Sig2', '--level', 'B-T')).code).toBe(0);
    const r = await runCli(dir, 'verify', 'l2.pdf');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FIELDMDP_VIOLATION/);
  });

  it('usage errors exit 2 and name the problem', async () => {
    expect((await runCli(dir, 'sign', 'in.pdf')).code).toBe(2);
    expect((await runCli(dir, 'sign', 'in.pdf', 'x.pdf', '--role', 'king')).err).toMatch(/--role/);
    expect((await runCli(dir, 'nope')).code).toBe(2);
    writeFileSync(join(dir, 'bad-ink.json'), '[[{"x":1}]]');
    const bad = await runCli(dir, 'sign', 'in.pdf', 'x.pdf', '--ink', 'bad-ink.json', '--field', 'Sig1');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/invalid ink file/);
    writeFileSync(
      join(dir, 'hopeless.pdf'),
      readFileSync(join(VECTORS, 'signer-input/minimal-startxref-hopeless.pdf')),
    );
    const hopeless = await runCli(dir, 'sign', 'hopeless.pdf', 'x.pdf');
    expect(hopeless.code).toBe(1);
    expect(hopeless.err).toMatch(/^\[XREF_NOT_FOUND\]/);
  });

  it('the bin script runs the TypeScript CLI through tsx', () => {
    const r = spawnSync(process.execPath, [BIN, 'verify', 'c.pdf'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/有效 \/ VALID/);
  });
});
