import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from './data-error';

/**
 * Lock files held by this process (absolute paths). Kept on globalThis: the custom server and the Next.js bundle
 * each load their own copy of this module, and both copies must see the same set.
 */
const HELD = Symbol.for('inkproof.pglite-locks');
const registry = globalThis as { [HELD]?: Set<string> };
registry[HELD] ??= new Set<string>();
const held: Set<string> = registry[HELD];

/**
 * Guards a PGlite directory against a second opener: PGlite itself does not notice, and writes from two processes
 * are silently lost (STANDARDS.md, Stack). The lock file holds the owner's pid; a lock whose process is gone is
 * taken over. Returns the release function.
 */
export function lockPgliteDir(dir: string): () => void {
  const path = resolve(`${dir}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      // Our own pid without a lock held here is a leftover of an earlier process with the same pid (containers
      // restart as pid 1), not a live owner.
      const live = owner === process.pid ? held.has(path) : Number.isInteger(owner) && owner > 0 && isAlive(owner);
      if (live) {
        throw new DataError(
          'DB_UNAVAILABLE',
          `PGlite data directory ${dir} is in use by process ${owner}; stop it, or delete ${path} if none is running`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataError('DB_UNAVAILABLE', `Could not lock PGlite data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
