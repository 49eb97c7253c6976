import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lockPgliteDir } from './pglite-lock';

describe('lockPgliteDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'inkproof-lock-'));
  const dir = join(root, 'pglite');
  afterEach(() => rmSync(`${dir}.lock`, { force: true }));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('admits one opener at a time and releases on demand', () => {
    const release = lockPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockPgliteDir(dir)).toThrow(expect.objectContaining({ code: 'DB_UNAVAILABLE' }));
    release();
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockPgliteDir(dir)();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${dir}.lock`, dead);
    const release = lockPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('treats its own pid in a lock it does not hold as a leftover (container restarted as the same pid)', () => {
    writeFileSync(`${dir}.lock`, String(process.pid));
    const release = lockPgliteDir(dir);
    expect(() => lockPgliteDir(dir)).toThrow(expect.objectContaining({ code: 'DB_UNAVAILABLE' }));
    release();
  });
});
