import { spawnSync } from 'node:child_process';
import type { CliIo } from '../src/command.js';
import { main } from '../src/main.js';

/** Runs the CLI in-process with captured output. */
export async function runCli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    cwd,
    env: {},
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** pdfsig's per-signature lines, parsed (its exit code is 0 even for broken signatures). */
export function pdfsigResults(path: string, nssDir: string): { type: string; signature: string }[] {
  const r = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, '-no-ocsp', path], { encoding: 'utf8' });
  return `${r.stdout}`
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((b) => ({
      type: /Signature Type: (.*)/.exec(b)?.[1]?.trim() ?? '',
      signature: /Signature Validation: (.*)/.exec(b)?.[1]?.trim() ?? '',
    }));
}
