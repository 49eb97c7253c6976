import { CliError, exitCodeFor } from './cli-error.js';
import type { CliIo, Command } from './command.js';
import { bundleCommand } from './commands/bundle.js';
import { demoCommand } from './commands/demo.js';
import { idcardCommand } from './commands/idcard.js';
import { pkiCommand } from './commands/pki.js';
import { signCommand } from './commands/sign.js';
import { tlogCommand } from './commands/tlog.js';
import { verifyCommand } from './commands/verify.js';

/** The registered commands, one file each under commands/. */
export const COMMANDS: readonly Command[] = [
  signCommand,
  verifyCommand,
  pkiCommand,
  bundleCommand,
  tlogCommand,
  idcardCommand,
  demoCommand,
];

export function helpText(commands: readonly Command[] = COMMANDS): string {
  const lines = ['inkproof — 知情同意书签署与证据工具 / consent signing and evidence tool', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(8)} ${c.summary}`);
  lines.push('', 'Run "inkproof <command> --help" for details.');
  return `${lines.join('\n')}\n`;
}

/** Dispatches `argv` (without node and script) to a command and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`未知命令 / unknown command: ${name}\n${helpText(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n${e.code === 'USAGE' ? `${command.usage}\n` : ''}`);
      return exitCodeFor(e);
    }
    const code = (e as { code?: string }).code;
    io.stderr(`${code ? `[${code}] ` : ''}${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
