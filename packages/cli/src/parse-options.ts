import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

/** node:util parseArgs with unknown options and missing values turned into a USAGE error. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError('USAGE', `参数错误 / bad arguments: ${(e as Error).message}`, { cause: e });
  }
}
