import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type TempDir, tempDir } from './openssl.js';

export const SOFTHSM_MODULE = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
].find((p) => existsSync(p));

export interface SoftHsm {
  dir: TempDir;
  modulePath: string;
  tokenLabel: string;
  pin: string;
}

/**
 * A private SoftHSM2 installation: SOFTHSM2_CONF points at a config in a temp dir, so the test never
 * touches the system token directory. Must run before the module is first initialised in this process.
 */
export function createSoftHsm(tokenLabel = 'inkproof-test'): SoftHsm {
  const dir = tempDir('inkproof-softhsm-');
  const tokens = join(dir.path, 'tokens');
  mkdirSync(tokens);
  const conf = dir.write(
    'softhsm2.conf',
    `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  process.env.SOFTHSM2_CONF = conf;
  const pin = '246810';
  const r = spawnSync(
    'softhsm2-util',
    ['--init-token', '--free', '--label', tokenLabel, '--pin', pin, '--so-pin', '13579'],
    {
      env: { ...process.env, SOFTHSM2_CONF: conf },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`softhsm2-util failed: ${r.stderr}`);
  return { dir, modulePath: SOFTHSM_MODULE as string, tokenLabel, pin };
}
