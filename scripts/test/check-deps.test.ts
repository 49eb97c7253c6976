import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkDependencies } from '../check-deps.mjs';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'deps-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const pkg = (name: string) => JSON.stringify({ name });

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('dependency check', () => {
  it('accepts the allowed direction server -> pdf -> pki', () => {
    const root = tree({
      'server/package.json': pkg('@inkproof/server'),
      'server/src/a.ts': "import { x } from '@inkproof/pdf';",
      'packages/pdf/package.json': pkg('@inkproof/pdf'),
      'packages/pdf/src/a.ts': "import { y } from '@inkproof/pki';",
      'packages/pki/package.json': pkg('@inkproof/pki'),
      'packages/pki/src/a.ts': "import { webcrypto } from 'node:crypto';",
    });
    expect(checkDependencies(root)).toEqual([]);
  });

  it('rejects packages/pki importing server', () => {
    const root = tree({
      'server/package.json': pkg('@inkproof/server'),
      'packages/pki/package.json': pkg('@inkproof/pki'),
      'packages/pki/src/a.ts': "import { db } from '@inkproof/server';",
    });
    const problems = checkDependencies(root);
    expect(problems).toContain('packages/pki/src/a.ts: @inkproof/pki must not import @inkproof/server');
  });

  it('rejects a relative import from a package into server/', () => {
    const root = tree({
      'server/package.json': pkg('@inkproof/server'),
      'packages/pki/package.json': pkg('@inkproof/pki'),
      'packages/pki/src/a.ts': "import { db } from '../../../server/src/db';",
    });
    expect(checkDependencies(root).join('\n')).toMatch(/reaches into server/);
  });

  it('rejects ink importing any workspace package and reports cycles', () => {
    const root = tree({
      'packages/ink/package.json': pkg('@inkproof/ink'),
      'packages/ink/src/a.ts': "import '@inkproof/ink-capture';",
      'packages/ink-capture/package.json': pkg('@inkproof/ink-capture'),
      'packages/ink-capture/src/a.ts': "export * from '@inkproof/ink';",
    });
    const problems = checkDependencies(root).join('\n');
    expect(problems).toMatch(/@inkproof\/ink must not import @inkproof\/ink-capture/);
    expect(problems).toMatch(
      /cycle: @inkproof\/ink -> @inkproof\/ink-capture -> @inkproof\/ink|cycle: @inkproof\/ink-capture -> @inkproof\/ink -> @inkproof\/ink-capture/,
    );
  });
});
