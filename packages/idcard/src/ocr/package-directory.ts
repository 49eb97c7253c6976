import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * The installed directory of package `name` that holds `file`. Resolved from this module first; a bundler (the
 * server's webpack build) turns `require.resolve` into a module id, so the hoisted package is also looked for from
 * the working directory (the repo root or a workspace, as `npm start` and the CLI run) upwards.
 */
export function findPackageDirectory(name: string, file: string): string {
  const candidates: string[] = [];
  try {
    const resolved: unknown = createRequire(import.meta.url).resolve(`${name}/package.json`);
    if (typeof resolved === 'string' && isAbsolute(resolved)) candidates.push(dirname(resolved));
  } catch {
    // Not resolvable from here: look from the working directory below.
  }
  let dir = process.cwd();
  for (let i = 0; i < 5; i++) {
    candidates.push(join(dir, 'node_modules', name));
    dir = dirname(dir);
  }
  const found = candidates.find((c) => existsSync(join(c, file)));
  if (!found) throw new Error(`${name} not found (looked for ${file} in ${candidates.join(', ')})`);
  return found;
}
