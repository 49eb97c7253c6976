#!/usr/bin/env node
// Dependency-direction check (ARCHITECTURE.md): imports between workspaces must follow the allowed edges,
// packages never import server or apps, ink and pki import no workspace package, and there are no cycles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which workspaces each workspace may import. Anything not listed is forbidden. */
export const ALLOWED = {
  '@inkproof/ink': [],
  '@inkproof/pki': [],
  '@inkproof/ink-capture': ['@inkproof/ink'],
  '@inkproof/pdf': ['@inkproof/pki', '@inkproof/ink'],
  '@inkproof/ofd': ['@inkproof/pki', '@inkproof/ink'],
  '@inkproof/idcard': [],
  '@inkproof/evidence': ['@inkproof/pki', '@inkproof/pdf', '@inkproof/ofd', '@inkproof/ink'],
  '@inkproof/ui': ['@inkproof/ink', '@inkproof/ink-capture'],
  '@inkproof/cli': [
    '@inkproof/pki',
    '@inkproof/pdf',
    '@inkproof/ofd',
    '@inkproof/evidence',
    '@inkproof/ink',
    '@inkproof/idcard',
  ],
  '@inkproof/server': [
    '@inkproof/pki',
    '@inkproof/pdf',
    '@inkproof/ofd',
    '@inkproof/evidence',
    '@inkproof/ink',
    '@inkproof/ink-capture',
    '@inkproof/idcard',
  ],
  '@inkproof/kiosk': ['@inkproof/ui', '@inkproof/ink', '@inkproof/ink-capture', '@inkproof/idcard'],
  '@inkproof/h5': ['@inkproof/ui', '@inkproof/ink', '@inkproof/ink-capture'],
  '@inkproof/miniprogram': ['@inkproof/ink'],
  '@inkproof/e2e': ['*'],
  '@inkproof/tooling': [],
};

const SOURCE = /\.(ts|tsx|mts|mjs|js|jsx)$/;
const SKIP = new Set(['node_modules', '.next', 'dist', '.turbo', 'data', 'fixtures', 'vectors']);
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function listFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) listFiles(path, out);
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

function workspaceDirs(root) {
  const dirs = [];
  for (const group of ['packages', 'apps']) {
    let names = [];
    try {
      names = readdirSync(join(root, group));
    } catch {
      continue;
    }
    for (const n of names) dirs.push(join(root, group, n));
  }
  for (const single of ['server', 'e2e', 'tooling']) dirs.push(join(root, single));
  return dirs.filter((d) => {
    try {
      return statSync(join(d, 'package.json')).isFile();
    } catch {
      return false;
    }
  });
}

/** Returns a list of violations (strings); empty means the tree is clean. */
export function checkDependencies(root) {
  const problems = [];
  const graph = new Map();
  for (const dir of workspaceDirs(root)) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const name = pkg.name;
    const allowed = ALLOWED[name];
    if (!allowed) problems.push(`${name}: workspace not listed in scripts/check-deps.mjs ALLOWED`);
    const edges = new Set();
    for (const file of listFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
        if (!spec) continue;
        const rel = relative(root, file);
        const target = spec.startsWith('@inkproof/') ? spec.split('/').slice(0, 2).join('/') : null;
        if (spec.startsWith('.')) {
          const resolved = relative(root, join(dirname(file), spec));
          // The e2e workspace may reach anywhere (fixtures of the server's own tests, say); packages may not.
          if (
            !allowed?.includes('*') &&
            !resolved.startsWith('..') &&
            (resolved.startsWith('server') || resolved.startsWith('apps')) &&
            !rel.startsWith(resolved.split('/')[0])
          ) {
            problems.push(`${rel}: relative import '${spec}' reaches into ${resolved.split('/')[0]}/`);
          }
          continue;
        }
        if (!target || target === name) continue;
        edges.add(target);
        if (allowed && !allowed.includes('*') && !allowed.includes(target)) {
          problems.push(`${rel}: ${name} must not import ${target}`);
        }
      }
    }
    graph.set(name, edges);
  }
  // Cycle detection over the observed import graph.
  const state = new Map();
  const stack = [];
  const visit = (n) => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) problems.push(`cycle: ${[...stack.slice(stack.indexOf(m)), m].join(' -> ')}`);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', '..');
  const problems = checkDependencies(root);
  if (problems.length) {
    console.error(`dependency check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('dependency check: ok');
}
