import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Committed v1 bundles from @inkproof/evidence (stored formats are forever: the CLI must keep reading them).
const VECTORS = fileURLToPath(new URL('../../evidence/test/vectors/v1/', import.meta.url));
const ESCROW = fileURLToPath(new URL('../../evidence/test/fixtures/escrow/', import.meta.url));
const bundle = join(VECTORS, 'bundle-rsa-escrow.zip');
const trust = [
  '--trust',
  `${bundle}.root.pem`,
  '--log-key',
  `${bundle}.log-key.pem`,
  '--data-dir',
  '/nonexistent-data-dir',
];

describe('inkproof bundle', () => {
  it('verifies a genuine bundle (exit 0) and opens the escrowed items with the escrow key', async () => {
    const r = await runCli(
      process.cwd(),
      'bundle',
      'verify',
      bundle,
      ...trust,
      '--escrow-key',
      join(ESCROW, 'escrow-rsa.key.pem'),
      '--json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { valid: boolean; steps: { step: string; status: string }[] };
    expect(report.valid).toBe(true);
    expect(report.steps.find((s) => s.step === 'escrow')?.status).toBe('pass');
  });

  it('rejects a bundle whose photo was swapped (exit 1, the items step names it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
    const members = unzipSync(readFileSync(bundle));
    const photo = Object.keys(members).find((k) => k.startsWith('items/photo-1'))!;
    members[photo] = new Uint8Array(members[photo]!).map((b, i) => (i === 100 ? b ^ 1 : b));
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, zipSync(members, { level: 0 }));
    const r = await runCli(process.cwd(), 'bundle', 'verify', tampered, ...trust, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { valid: boolean; steps: { step: string; status: string }[] };
    expect(report.valid).toBe(false);
    expect(report.steps.filter((s) => s.status === 'fail').map((s) => s.step)).toEqual(
      expect.arrayContaining(['items']),
    );
  });

  it('inspects a bundle in readable bilingual text', async () => {
    const r = await runCli(process.cwd(), 'bundle', 'inspect', bundle);
    expect(r.code).toBe(0);
    expect(r.out).toContain('证据包 Evidence bundle');
    expect(r.out).toContain('透明日志 Log');
  });

  it('answers a missing file with a typed usage error', async () => {
    const r = await runCli(process.cwd(), 'bundle', 'verify', '/no/such.zip');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/cannot read/);
  });
});

describe('inkproof tlog verify-consistency', () => {
  it('rejects two heads that are not the same log (wrong key) and needs a proof source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-tlog-'));
    const entry = JSON.parse(Buffer.from(unzipSync(readFileSync(bundle))['seal/log.json']!).toString('utf8')) as {
      treeHead: unknown;
    };
    writeFileSync(join(dir, 'head.json'), JSON.stringify(entry.treeHead));
    writeFileSync(join(dir, 'proof.json'), JSON.stringify({ consistencyProof: [] }));
    copyFileSync(`${bundle}.log-key.pem`, join(dir, 'log.pem'));
    const same = await runCli(
      dir,
      'tlog',
      'verify-consistency',
      'head.json',
      'head.json',
      '--proof',
      'proof.json',
      '--log-key',
      'log.pem',
      '--trust',
      `${bundle}.root.pem`,
    );
    expect(same.out).toMatch(/CONSISTENT/);
    expect(same.code).toBe(0);
    copyFileSync(join(VECTORS, 'bundle-ec-escrow.zip.log-key.pem'), join(dir, 'other.pem'));
    const other = JSON.parse(
      Buffer.from(unzipSync(readFileSync(join(VECTORS, 'bundle-ec-escrow.zip')))['seal/log.json']!).toString('utf8'),
    ) as { logPublicKey: string };
    const sameKey =
      other.logPublicKey ===
      JSON.parse(Buffer.from(unzipSync(readFileSync(bundle))['seal/log.json']!).toString('utf8')).logPublicKey;
    if (!sameKey) {
      const wrong = await runCli(
        dir,
        'tlog',
        'verify-consistency',
        'head.json',
        'head.json',
        '--proof',
        'proof.json',
        '--log-key',
        'other.pem',
      );
      expect(wrong.code).toBe(1);
      expect(wrong.out).toMatch(/INCONSISTENT/);
    }
    const usage = await runCli(dir, 'tlog', 'verify-consistency', 'head.json', 'head.json', '--log-key', 'log.pem');
    expect(usage.code).not.toBe(0);
  });
});
