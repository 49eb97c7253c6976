import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
