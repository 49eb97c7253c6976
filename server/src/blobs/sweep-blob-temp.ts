import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes `tmp/*.part` files left by puts that crashed mid-write (their content never became a blob). Only files
 * older than `olderThanMs` are touched, so puts in flight in this or another process are safe. Returns the count.
 */
export async function sweepBlobTemp(root: string, olderThanMs = 3_600_000, now = Date.now()): Promise<number> {
  const tmpDir = join(root, 'tmp');
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const path = join(tmpDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
