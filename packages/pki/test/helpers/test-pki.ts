import { createBuiltinPki } from '../../src/index.js';
import { type TempDir, tempDir } from './openssl.js';

export const TEST_PASSPHRASE = 'test passphrase 测试';

/** A built-in PKI in a fresh temp dir, with a controllable clock. */
export async function createTestPki(opts: { clock?: () => Date; publicBaseUrl?: string } = {}) {
  const dir: TempDir = tempDir();
  const pki = await createBuiltinPki({ dir: dir.file('pki'), passphrase: TEST_PASSPHRASE, ...opts });
  return { pki, dir };
}
