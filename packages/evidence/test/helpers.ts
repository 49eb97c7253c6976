import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
}

export function escrowFixture(kind: 'rsa' | 'ec') {
  const certPath = join(FIXTURES, 'escrow', `escrow-${kind}.cert.pem`);
  const keyPath = join(FIXTURES, 'escrow', `escrow-${kind}.key.pem`);
  const keyPem = readFileSync(keyPath, 'utf8');
  return { certPath, keyPath, keyPem, certificate: pemToDer(readFileSync(certPath, 'utf8')) };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'inkproof-evidence-'));
}

/** Runs openssl; returns exit status and output file bytes (discarded on non-zero exit, STANDARDS.md). */
export function openssl(args: string[], input?: { path: string; bytes: Uint8Array }) {
  if (input) writeFileSync(input.path, input.bytes);
  const r = spawnSync('openssl', args, { encoding: 'buffer' });
  return { status: r.status, stderr: r.stderr.toString('utf8'), stdout: r.stdout };
}

/** Deterministic pseudo-random bytes (mulberry32), so tests and vectors are reproducible. */
export function seededBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
