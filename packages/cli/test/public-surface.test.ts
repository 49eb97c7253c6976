import { expect, it } from 'vitest';
import * as cli from '../src/index.js';

it('pins the public surface of @inkproof/cli', () => {
  expect(Object.keys(cli).sort()).toEqual(
    [
      'COMMANDS',
      'CliError',
      'SIGNER_ROLES',
      'ZInkFileSchema',
      'helpText',
      'isSignerRole',
      'main',
      'pkiCommand',
      'signCommand',
      'signerMeaning',
      'verifyCommand',
    ].sort(),
  );
  expect(cli.COMMANDS.map((c) => c.name)).toEqual(['sign', 'verify', 'pki', 'bundle', 'tlog', 'idcard', 'demo']);
});
