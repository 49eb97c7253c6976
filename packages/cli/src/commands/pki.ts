import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from '../cli-error.js';
import type { CliIo, Command } from '../command.js';
import { openPki } from '../open-pki.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `inkproof pki export-root OUT.pem [--data-dir DIR]
  Writes the root certificate of the built-in CA in <data-dir>/pki (default ./data/pki; created on first use).`;

export const pkiCommand: Command = {
  name: 'pki',
  summary: '内置 CA 管理 / built-in CA (export-root)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'export-root') throw new CliError('USAGE', `未知子命令 / unknown subcommand: ${sub ?? '(none)'}`);
    const { values: o, positionals } = parseOptions(rest, { 'data-dir': { type: 'string' } } as const);
    const [out] = positionals;
    if (!out || positionals.length > 1) throw new CliError('USAGE', '需要输出文件 / OUT.pem is required');
    const pki = await openPki(io, o['data-dir']);
    await writeFile(resolve(io.cwd, out), pki.rootPem);
    io.stdout(`根证书已导出 / root certificate written: ${out}\n`);
    return 0;
  },
};
