import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCms, readTstInfo } from '../../src/cms/cms-info.js';
import { trimDer } from '../../src/cms/der-length.js';
import { listSignatures, PdfFile, type SignatureEntry } from '../../src/index.js';

const work = (): string => mkdtempSync(join(tmpdir(), 'pdf-tools-'));

export const run = (cmd: string, args: string[]): { code: number; out: string } => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
};

/** An NSS database trusting `rootPem` as a CA, for pdfsig (STANDARDS.md). */
export function createNssDb(rootPemPath: string): string {
  const dir = work();
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', rootPemPath]);
  return dir;
}

export interface PdfsigEntry {
  field: string;
  type: string;
  signature: string;
  certificate?: string;
}

/** Runs pdfsig and parses its text (its exit code says nothing about validity). */
export function pdfsig(bytes: Uint8Array, nssDir: string): PdfsigEntry[] {
  const path = join(work(), 'x.pdf');
  writeFileSync(path, bytes);
  const { out } = run('pdfsig', ['-nssdir', `sql:${nssDir}`, '-no-ocsp', path]);
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      field: /Signature Field Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
      type: /Signature Type: (.*)/.exec(block)?.[1]?.trim() ?? '',
      signature: /Signature Validation: (.*)/.exec(block)?.[1]?.trim() ?? '',
      certificate: /Certificate Validation: (.*)/.exec(block)?.[1]?.trim(),
    }));
}

export function qpdfCheck(bytes: Uint8Array): string {
  const path = join(work(), 'x.pdf');
  writeFileSync(path, bytes);
  return run('qpdf', ['--check', path]).out;
}

export function signedBytes(file: PdfFile, sig: SignatureEntry): Uint8Array {
  const br = sig.byteRange!;
  return Buffer.concat([file.bytes.subarray(br[0]!, br[0]! + br[1]!), file.bytes.subarray(br[2]!, br[2]! + br[3]!)]);
}

export function signaturesOf(bytes: Uint8Array): { file: PdfFile; sigs: SignatureEntry[] } {
  const file = PdfFile.parse(bytes);
  return { file, sigs: listSignatures(file) };
}

/** `openssl cms -verify` over the signed byte ranges, at the signature time-stamp's time when there is one. */
export function opensslCmsVerify(file: PdfFile, sig: SignatureEntry, rootPemPath: string): string {
  const dir = work();
  const der = trimDer(sig.contents);
  writeFileSync(join(dir, 'sig.der'), der);
  writeFileSync(join(dir, 'data.bin'), signedBytes(file, sig));
  const tst = readCms(der).signatureTimestamp;
  const at = tst ? readTstInfo(tst)?.genTime : undefined;
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    join(dir, 'sig.der'),
    '-content',
    join(dir, 'data.bin'),
  ];
  args.push('-CAfile', rootPemPath, '-purpose', 'any', '-out', join(dir, 'out.bin'));
  if (at) args.push('-attime', String(Math.floor(at.getTime() / 1000)));
  return run('openssl', args).out;
}

/** `openssl ts -verify` of a token against the digest it should cover. */
export function opensslTsVerify(token: Uint8Array, digest: Uint8Array, rootPemPath: string): string {
  const dir = work();
  writeFileSync(join(dir, 'tok.der'), token);
  const args = [
    'ts',
    '-verify',
    '-digest',
    Buffer.from(digest).toString('hex'),
    '-in',
    join(dir, 'tok.der'),
    '-token_in',
  ];
  return run('openssl', [...args, '-CAfile', rootPemPath]).out;
}

/** The signature-time-stamp token of a CMS and the imprint it must carry: SHA-256 of the SignerInfo signature value (RFC 3161 App. A). */
export function signatureTimestampOf(sig: SignatureEntry): { token: Uint8Array; imprint: Uint8Array } | undefined {
  const der = trimDer(sig.contents);
  const info = readCms(der);
  if (!info.signatureTimestamp) return undefined;
  const value = info.signatureValue!;
  return { token: info.signatureTimestamp, imprint: new Uint8Array(createHash('sha256').update(value).digest()) };
}

export const docTimestampImprint = (file: PdfFile, sig: SignatureEntry): Uint8Array =>
  new Uint8Array(createHash('sha256').update(signedBytes(file, sig)).digest());
