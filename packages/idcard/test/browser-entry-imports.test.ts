import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module the browser entry reaches through relative imports, and the packages they import. */
function walk(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? '';
      if (spec.startsWith('.')) visit(`${resolve(dirname(file), spec).replace(/\.js$/, '')}.ts`);
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

it('the browser entry reaches tesseract.js and its own pure modules only: no sharp, no Node built-in', () => {
  const { files, packages } = walk(join(SRC, 'browser.ts'));
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  expect([...packages].filter((p) => builtins.has(p) || p.startsWith('node:'))).toEqual([]);
  expect([...packages].sort()).toEqual(['tesseract.js']);
  const reached = [...files].map((f) => f.slice(SRC.length + 1)).sort();
  // The server's own geometry and crops are reused, not copied; the sharp decoder is not reached.
  expect(reached).toEqual(
    expect.arrayContaining(['image/detect-card.ts', 'image/extract-card.ts', 'image/prepare-field-crop.ts']),
  );
  expect(reached).not.toContain('image/decode-image.ts');
  expect(reached.filter((f) => f.startsWith('ocr/'))).not.toContain('ocr/ocr-worker-pool.ts');
});

it('the walker sees a Node-only import where there is one (the server reader)', () => {
  const { packages } = walk(join(SRC, 'ocr', 'recognize-card.ts'));
  expect(packages).toContain('sharp');
});
