import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type PgliteDatabaseHandle, wrapPglite } from '../create-database';
import { findMigrationsFolder, migrate } from '../migrate';

/**
 * A fresh PGlite takes seconds to start (initdb inside WebAssembly, 5-12 s on a busy 2-core machine); loading a
 * dump of an already migrated data directory takes about one. The dump is cached in the temp directory under a key
 * made of the PGlite version and the migration files, so a new migration invalidates it.
 */
export async function openMigratedPglite(): Promise<PgliteDatabaseHandle> {
  const path = join(tmpdir(), `inkproof-pglite-template-${templateKey()}.tar`);
  const cached = await readFile(path).catch(() => undefined);
  if (cached) {
    const handle = wrapPglite(new PGlite({ loadDataDir: new Blob([cached]) }));
    await handle.raw.waitReady;
    return handle;
  }
  const handle = wrapPglite(new PGlite());
  await migrate(handle);
  const dump = await handle.raw.dumpDataDir('none');
  const partial = `${path}.${randomBytes(6).toString('hex')}.part`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, path).catch(() => rm(partial, { force: true }));
  return handle;
}

function templateKey(): string {
  const folder = findMigrationsFolder();
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  // The package does not export its package.json; read it next to the resolved entry (dist/…).
  const entry = require.resolve('@electric-sql/pglite');
  hash.update(readFileSync(join(entry, '..', '..', 'package.json')));
  for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
