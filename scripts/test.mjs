#!/usr/bin/env node
// `npm test`: lint + typecheck + dependency check + unit/integration (vitest; PGlite and PostgreSQL) + e2e (Playwright).
// Every stage runs even if an earlier one failed, and one aggregated `N passed, N failed` line closes the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const reports = join(root, 'e2e', '.reports');
mkdirSync(reports, { recursive: true });
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;
const summary = [];

function run(stage, cmd, args, extraEnv = {}) {
  if (only.length && !only.includes(stage)) return null;
  console.log(`\n── ${stage}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  const ok = r.status === 0;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${stage} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function countStage(ok) {
  if (ok === null) return;
  if (ok) passed += 1;
  else failed += 1;
}

countStage(run('lint', 'npx', ['biome', 'check', '.']));
countStage(run('typecheck', 'npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']));
countStage(run('deps', 'node', ['scripts/check-deps.mjs']));

const vitestJson = join(reports, 'vitest.json');
rmSync(vitestJson, { force: true });
// Timeouts on the command line reach every project (a project does not inherit the root config): CI shares two
// cores with PostgreSQL, chromium and openssl children, and a slow run must not turn into a red one.
const unitOk = run('unit', 'npx', [
  'vitest',
  'run',
  '--testTimeout=60000',
  '--hookTimeout=120000',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (unitOk !== null) {
  if (existsSync(vitestJson)) {
    const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += r.numPassedTests ?? 0;
    const failedTests = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
    failed += failedTests + (!unitOk && failedTests === 0 ? 1 : 0);
  } else failed += 1;
}

// Every Playwright suite: the product e2e (against the built server) and package-level browser suites.
const playwrightConfigs = [
  'e2e/playwright.config.ts',
  ...readdirSync(join(root, 'packages')).map((p) => `packages/${p}/e2e/playwright.config.ts`),
].filter((c) => existsSync(join(root, c)));
if (playwrightConfigs.length) {
  countStage(run('build', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']));
  for (const config of playwrightConfigs) {
    const pwJson = join(reports, `playwright-${config.split('/').slice(0, -2).join('-') || 'product'}.json`);
    rmSync(pwJson, { force: true });
    const ok = run(`e2e ${config}`, 'npx', ['playwright', 'test', '-c', config, '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    });
    if (ok === null) continue;
    if (existsSync(pwJson)) {
      const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
      passed += s.expected ?? 0;
      failed += (s.unexpected ?? 0) + (!ok && !s.unexpected ? 1 : 0);
    } else failed += 1;
  }
}

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
