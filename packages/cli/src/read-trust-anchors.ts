import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './cli-error.js';
import type { CliIo } from './command.js';
import { openPki, pkiDir } from './open-pki.js';

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** Certificates from a PEM bundle (one or more blocks) or a single DER file. */
export async function readCertificates(path: string): Promise<Uint8Array[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new CliError('INPUT_NOT_FOUND', `无法读取证书 / cannot read certificate ${path}`, { cause: e });
  }
  const text = bytes.toString('latin1');
  const blocks = [...text.matchAll(PEM)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
  return blocks.length ? blocks : [new Uint8Array(bytes)];
}

/** `--trust` files plus, when it exists, the root of the built-in CA in the data dir (never created here). */
export async function readTrustAnchors(io: CliIo, trust: string[], dataDir: string | undefined): Promise<Uint8Array[]> {
  const anchors: Uint8Array[] = [];
  for (const t of trust) anchors.push(...(await readCertificates(resolve(io.cwd, t))));
  if (existsSync(pkiDir(io, dataDir))) anchors.push((await openPki(io, dataDir)).rootCertificate);
  return anchors;
}
