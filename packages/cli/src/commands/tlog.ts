import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseTreeHead, verifyTreeHeadConsistency } from '@inkproof/evidence';
import { CliError } from '../cli-error.js';
import type { CliIo, Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { readTrustAnchors } from '../read-trust-anchors.js';

const USAGE = `inkproof tlog verify-consistency OLD_HEAD.json NEW_HEAD.json (--proof PROOF.json | --server URL) --log-key LOG.pem [--trust ROOT.pem …]
  Checks that the log behind NEW_HEAD is an append-only extension of the log behind OLD_HEAD (RFC 9162 §2.1.4):
  both heads' signatures (and timestamps) and the consistency proof. A monitor keeps every head it sees (from
  GET <server>/api/tlog/head) and runs this between the last kept head and each new one; exit 1 means the history
  was rewritten or a head is forged. --server fetches the proof from <URL>/api/tlog/proof/consistency.`;

const OPTIONS = {
  proof: { type: 'string' },
  server: { type: 'string' },
  'log-key': { type: 'string' },
  trust: { type: 'string', multiple: true },
  'data-dir': { type: 'string' },
} as const;

export const tlogCommand: Command = {
  name: 'tlog',
  summary: '透明日志一致性检查 / transparency-log consistency check',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    const { values: o, positionals } = parseOptions(rest, OPTIONS);
    if (sub !== 'verify-consistency' || positionals.length !== 2 || !o['log-key'] || (!o.proof && !o.server)) {
      throw new CliError('USAGE', '用法错误 / usage: see inkproof tlog --help');
    }
    const read = (p: string) => readFile(resolve(io.cwd, p), 'utf8');
    const [oldHead, newHead] = await Promise.all(
      positionals.map(async (p) => parseTreeHead(JSON.parse(await read(p)))),
    );
    const proofJson = o.proof
      ? JSON.parse(await read(o.proof))
      : await (
          await fetch(
            `${o.server!.replace(/\/$/, '')}/api/tlog/proof/consistency?from=${oldHead!.treeSize}&to=${newHead!.treeSize}`,
          )
        ).json();
    const proof = ((proofJson as { consistencyProof?: string[] }).consistencyProof ?? []).map(
      (b) => new Uint8Array(Buffer.from(b, 'base64')),
    );
    const pem = await read(o['log-key']);
    const publicKey = new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const trustAnchors = await readTrustAnchors(io, o.trust ?? [], o['data-dir']);
    try {
      await verifyTreeHeadConsistency(oldHead!, newHead!, proof, {
        publicKey,
        ...(trustAnchors.length ? { trustAnchors } : {}),
      });
    } catch (e) {
      io.stdout(`不一致 / INCONSISTENT: ${(e as { code?: string }).code ?? ''} ${(e as Error).message}\n`);
      return 1;
    }
    io.stdout(`一致 / CONSISTENT: tree ${oldHead!.treeSize} → ${newHead!.treeSize}\n`);
    return 0;
  },
};
