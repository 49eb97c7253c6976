import pino, { type Logger } from 'pino';

/**
 * Keys whose values never reach a log line (PIPL Art.28: ID numbers and biometrics are sensitive personal information;
 * tokens and passwords are credentials). Redaction works on any nesting depth pino can express.
 */
export const REDACTED_KEYS = [
  'password',
  'passwordHash',
  'token',
  'credential',
  'apiKey',
  'idNumber',
  'idNumberEnc',
  'ink',
  'samples',
  'photo',
  'fingerprint',
  'cookie',
  'authorization',
  'secret',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers.${k}`]);
  return pino({ level, redact: { paths, censor: '[redacted]' }, base: { app: 'inkproof' } }, destination);
}
