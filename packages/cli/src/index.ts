// Public surface of @inkproof/cli (pinned by test/public-surface.test.ts).
export { CliError, type CliErrorCode } from './cli-error.js';
export type { CliIo, Command } from './command.js';
export { pkiCommand } from './commands/pki.js';
export { signCommand } from './commands/sign.js';
export { verifyCommand } from './commands/verify.js';
export { COMMANDS, helpText, main } from './main.js';
export { ZInkFileSchema } from './read-ink-file.js';
export { isSignerRole, SIGNER_ROLES, type SignerRole, signerMeaning } from './signer-meaning.js';
