import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const dataDir = join(tmpdir(), `inkproof-e2e-${E2E_PORT}`);

/** Runs against the built product (`npm run build`) started exactly as `npm start` starts it, on a fresh data dir. */
export default defineConfig({
  testDir: './tests',
  outputDir: process.env.E2E_PORT ? `./.reports/test-results-${E2E_PORT}` : './.reports/test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node start-server.mjs`,
    cwd: import.meta.dirname,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      INKPROOF_DATA_DIR: dataDir,
      INKPROOF_PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}`,
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
