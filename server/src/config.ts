import { resolve } from 'node:path';
import { z } from 'zod';

/** Every environment variable the server reads. README's configuration table mirrors this list. */
export const ZConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  INKPROOF_DATA_DIR: z.string().min(1).default('./data'),
  INKPROOF_PUBLIC_URL: z.url().optional(),
  INKPROOF_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  INKPROOF_PKI_PASSPHRASE: z.string().min(8).optional(),
  INKPROOF_TSA_URLS: z.string().optional(),
  INKPROOF_TSA_TRUST: z.string().optional(),
  INKPROOF_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  INKPROOF_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  INKPROOF_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  INKPROOF_CJK_FONT: z.string().optional(),
  INKPROOF_TESSDATA: z.string().optional(),
  INKPROOF_ESCROW_CERT: z.string().optional(),
  INKPROOF_ESCROW_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type TConfigInput = z.input<typeof ZConfigSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  secret: string | undefined;
  pkiPassphrase: string | undefined;
  tsaUrls: string[];
  tsaTrustPath: string | undefined;
  bodyLimitBytes: number;
  sessionHours: number;
  seedDemo: 'auto' | 'never';
  cjkFont: string | undefined;
  tessdataPath: string | undefined;
  escrowCertPath: string | undefined;
  escrowKeyPath: string | undefined;
  logLevel: z.infer<typeof ZConfigSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `配置无效 / Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}\n` +
        '请修正上述环境变量后重新启动 / Fix the environment variables above and start again.',
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(ZConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = ZConfigSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.INKPROOF_DATA_DIR),
    publicUrl: (c.INKPROOF_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    secret: c.INKPROOF_SECRET,
    pkiPassphrase: c.INKPROOF_PKI_PASSPHRASE,
    tsaUrls: (c.INKPROOF_TSA_URLS ?? '').split(/[\s,]+/).filter(Boolean),
    tsaTrustPath: c.INKPROOF_TSA_TRUST,
    bodyLimitBytes: c.INKPROOF_BODY_LIMIT_BYTES,
    sessionHours: c.INKPROOF_SESSION_HOURS,
    seedDemo: c.INKPROOF_SEED_DEMO,
    cjkFont: c.INKPROOF_CJK_FONT,
    tessdataPath: c.INKPROOF_TESSDATA,
    escrowCertPath: c.INKPROOF_ESCROW_CERT,
    escrowKeyPath: c.INKPROOF_ESCROW_KEY,
    logLevel: c.LOG_LEVEL,
  };
}
