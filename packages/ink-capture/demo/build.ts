// Bundles the demo: `npx tsx packages/ink-capture/demo/build.ts` → demo/dist/main.js (served with index.html).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildDemo(): Promise<string> {
  await build({
    entryPoints: [join(here, 'main.ts')],
    outfile: join(here, 'dist', 'main.js'),
    bundle: true,
    format: 'esm',
    target: 'chrome110',
    sourcemap: true,
    logLevel: 'warning',
  });
  return here;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildDemo();
