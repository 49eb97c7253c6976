// Starts the product for the e2e suite on a fresh embedded database (the data dir is wiped first).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.INKPROOF_DATA_DIR;
if (dir) rmSync(dir, { recursive: true, force: true });
const server = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'server', 'server.ts')], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
