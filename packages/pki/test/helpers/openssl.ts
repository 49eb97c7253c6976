import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together: openssl prints verdicts on either. */
  output: string;
}

/** Runs openssl and returns its text; callers parse the verdict instead of trusting the exit code alone. */
export function openssl(args: string[], input?: Uint8Array): ToolResult {
  const r = spawnSync('openssl', args, { input, encoding: 'buffer' });
  const stdout = r.stdout?.toString('utf8') ?? '';
  const stderr = r.stderr?.toString('utf8') ?? '';
  return { status: r.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

export interface TempDir {
  path: string;
  write(name: string, data: Uint8Array | string): string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'inkproof-pki-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    write(name, data) {
      const p = join(path, name);
      writeFileSync(p, data);
      return p;
    },
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export function epochSeconds(date: Date): string {
  return String(Math.floor(date.getTime() / 1000));
}

/** Async variant for commands that talk to a loopback server running in this same process. */
export function opensslAsync(args: string[]): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn('openssl', args);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('close', (status) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ status, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}
