import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderReport, verifyPdf } from '@inkproof/pdf';
import { CliError } from '../cli-error.js';
import type { CliIo, Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { readTrustAnchors } from '../read-trust-anchors.js';

const USAGE = `inkproof verify FILE [--json] [--trust ROOT.pem …] [--at ISO-TIME] [--data-dir DIR]
  Verifies every signature and time-stamp and analyses every revision after the first signature.
  Exit code 0 only when everything is VALID and no revision is suspicious. The built-in root of
  <data-dir>/pki (default ./data/pki) is trusted when that directory exists.`;

const OPTIONS = {
  json: { type: 'boolean' },
  trust: { type: 'string', multiple: true },
  at: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export const verifyCommand: Command = {
  name: 'verify',
  summary: '验证 PDF 签名与修订 / verify PDF signatures and revisions',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values: o, positionals } = parseOptions(args, OPTIONS);
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new CliError('USAGE', '需要一个 PDF 文件 / one PDF file is required');
    const at = o.at ? new Date(o.at) : undefined;
    if (at && Number.isNaN(at.getTime())) throw new CliError('USAGE', '--at must be an ISO 8601 time');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(resolve(io.cwd, path)));
    } catch (e) {
      throw new CliError('INPUT_NOT_FOUND', `无法读取文件 / cannot read ${path}`, { cause: e });
    }
    const trustAnchors = await readTrustAnchors(io, o.trust ?? [], o['data-dir']);
    const report = await verifyPdf(bytes, { trustAnchors, at });
    io.stdout(o.json ? `${JSON.stringify(report, jsonReplacer, 2)}\n` : `${renderReport(report)}\n`);
    return report.verdict === 'VALID' ? 0 : 1;
  },
};

/** Binary values as base64 so the report stays plain JSON. */
function jsonReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
}
