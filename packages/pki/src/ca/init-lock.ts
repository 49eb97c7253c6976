import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PkiError } from '../errors.js';

const WAIT_MS = 50;
const MAX_WAIT_MS = 15_000;

/**
 * Serialises first-use creation of a data dir across processes (a server and a CLI started together
 * would otherwise each generate keys and overwrite the other's). mkdir is atomic on POSIX filesystems.
 */
export async function withInitLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const lock = join(dir, '.init.lock');
  for (let waited = 0; ; waited += WAIT_MS) {
    try {
      await mkdir(lock);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      if (waited >= MAX_WAIT_MS) {
        throw new PkiError(
          'KEYSTORE_CORRUPT',
          `${lock} is held for too long; remove it if no other process is starting`,
        );
      }
      await sleep(WAIT_MS);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
