import { ID_CARD_COMMAND_USAGE, runIdCardOcrCommand } from '@inkproof/idcard';
import type { CliIo, Command } from '../command.js';

export const idcardCommand: Command = {
  name: 'idcard',
  summary: '身份证识别（离线）/ ID-card OCR (offline)',
  usage: ID_CARD_COMMAND_USAGE,
  run: (args: string[], io: CliIo) => runIdCardOcrCommand(args, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd }),
};
