import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inspectEvidenceBundle, verifyEvidenceBundle } from '@inkproof/evidence';
import { pdfVerifierFor } from '@inkproof/pdf';
import { CliError } from '../cli-error.js';
import type { CliIo, Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { readTrustAnchors } from '../read-trust-anchors.js';

const USAGE = `inkproof bundle verify FILE.zip [--json] [--escrow-key KEY.pem] [--trust ROOT.pem …] [--log-key LOG.pem] [--data-dir DIR]
inkproof bundle inspect FILE.zip
  verify: runs every step (container, manifest, item digests, seal + timestamp, event certificate, documents with
  revision analysis, log inclusion proof; with --escrow-key also decrypts the biometric items and re-checks them).
  Exit code 0 only when the bundle is valid. The built-in root of <data-dir>/pki is trusted when present.
  inspect: a readable summary of who signed what, when, with which evidence.`;

const OPTIONS = {
  json: { type: 'boolean' },
  'escrow-key': { type: 'string' },
  trust: { type: 'string', multiple: true },
  'log-key': { type: 'string', multiple: true },
  'data-dir': { type: 'string' },
} as const;

async function readInput(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(resolve(io.cwd, path)));
  } catch (e) {
    throw new CliError('INPUT_NOT_FOUND', `无法读取文件 / cannot read ${path}`, { cause: e });
  }
}

export const bundleCommand: Command = {
  name: 'bundle',
  summary: '验证或查看证据包 / verify or inspect an evidence bundle',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    const { values: o, positionals } = parseOptions(rest, OPTIONS);
    const [path] = positionals;
    if ((sub !== 'verify' && sub !== 'inspect') || !path || positionals.length > 1) {
      throw new CliError('USAGE', '用法错误 / usage: inkproof bundle verify|inspect FILE.zip');
    }
    const zip = await readInput(io, path);
    if (sub === 'inspect') {
      io.stdout(`${inspectEvidenceBundle(zip)}\n`);
      return 0;
    }
    const trustAnchors = await readTrustAnchors(io, o.trust ?? [], o['data-dir']);
    const escrowKey = o['escrow-key'] ? await readFile(resolve(io.cwd, o['escrow-key']), 'utf8') : undefined;
    const logKeys = await Promise.all((o['log-key'] ?? []).map((p) => readFile(resolve(io.cwd, p), 'utf8')));
    const report = await verifyEvidenceBundle(zip, {
      trustAnchors,
      pdfVerifier: pdfVerifierFor(trustAnchors),
      ...(escrowKey ? { escrowKey } : {}),
      ...(logKeys.length
        ? {
            trustedLogKeys: logKeys.map(
              (pem) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')),
            ),
          }
        : {}),
    });
    if (o.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(`${inspectEvidenceBundle(zip, { report })}\n`);
    return report.valid ? 0 : 1;
  },
};
