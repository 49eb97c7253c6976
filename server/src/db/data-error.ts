/**
 * The one error type of the data layer (`src/db`, `src/blobs`, `src/push`, `src/jobs`, `src/crypto`). Callers branch
 * on `code`; the HTTP/tRPC status for each code is decided in one place by the API layer.
 */
export const DATA_ERROR_CODES = [
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_ARGUMENT',
  'DB_UNAVAILABLE',
  'MIGRATION_FAILED',
  'AUDIT_DETAILS_FORBIDDEN',
  'LINK_TOKEN_UNKNOWN',
  'LINK_TOKEN_EXPIRED',
  'LINK_TOKEN_USED',
  'BLOB_NOT_FOUND',
  'BLOB_CORRUPT',
  'BLOB_INVALID_DIGEST',
  'CIPHER_CONFIG_INVALID',
  'CIPHER_KEY_UNKNOWN',
  'CIPHERTEXT_INVALID',
  'PUSH_PAYLOAD_TOO_LARGE',
  'PUSH_CHANNEL_INVALID',
  'PUSH_CLOSED',
  'JOB_INVALID',
  'WORKER_STOPPED',
] as const;

export type DataErrorCode = (typeof DATA_ERROR_CODES)[number];

/** Messages safe to show to a user (zh-CN first); never contains data values. */
export const DATA_ERROR_MESSAGES: Record<DataErrorCode, { zh: string; en: string }> = {
  NOT_FOUND: { zh: '记录不存在。', en: 'Record not found.' },
  CONFLICT: {
    zh: '记录已被修改或已存在，请刷新后重试。',
    en: 'The record changed or already exists; refresh and retry.',
  },
  INVALID_ARGUMENT: { zh: '参数无效。', en: 'Invalid argument.' },
  DB_UNAVAILABLE: { zh: '数据库暂时不可用，请稍后重试。', en: 'The database is unavailable; try again later.' },
  MIGRATION_FAILED: {
    zh: '数据库升级失败，请联系管理员。',
    en: 'Database migration failed; contact the administrator.',
  },
  AUDIT_DETAILS_FORBIDDEN: { zh: '审计记录不得包含个人信息。', en: 'Audit details must not contain personal data.' },
  LINK_TOKEN_UNKNOWN: {
    zh: '链接无效，请向医护人员索取新链接。',
    en: 'This link is not valid; ask the staff for a new one.',
  },
  LINK_TOKEN_EXPIRED: {
    zh: '链接已过期，请向医护人员索取新链接。',
    en: 'This link has expired; ask the staff for a new one.',
  },
  LINK_TOKEN_USED: {
    zh: '链接已使用过，请向医护人员索取新链接。',
    en: 'This link was already used; ask the staff for a new one.',
  },
  BLOB_NOT_FOUND: { zh: '文件不存在。', en: 'File not found.' },
  BLOB_CORRUPT: { zh: '存储的文件已损坏，请联系管理员。', en: 'A stored file is corrupt; contact the administrator.' },
  BLOB_INVALID_DIGEST: { zh: '文件摘要格式无效。', en: 'Invalid file digest.' },
  CIPHER_CONFIG_INVALID: {
    zh: '加密配置无效，请联系管理员。',
    en: 'Encryption is misconfigured; contact the administrator.',
  },
  CIPHER_KEY_UNKNOWN: {
    zh: '缺少解密密钥，请联系管理员。',
    en: 'A decryption key is missing; contact the administrator.',
  },
  CIPHERTEXT_INVALID: { zh: '加密数据已损坏。', en: 'Encrypted data is corrupt.' },
  PUSH_PAYLOAD_TOO_LARGE: { zh: '推送消息过大。', en: 'Push message too large.' },
  PUSH_CHANNEL_INVALID: { zh: '推送频道名称无效。', en: 'Invalid push channel name.' },
  PUSH_CLOSED: { zh: '推送服务已关闭。', en: 'The push bus is closed.' },
  JOB_INVALID: { zh: '后台任务参数无效。', en: 'Invalid background job.' },
  WORKER_STOPPED: { zh: '后台任务处理已停止。', en: 'The job worker has stopped.' },
};

export class DataError extends Error {
  override readonly name = 'DataError';
  readonly code: DataErrorCode;

  constructor(code: DataErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DATA_ERROR_MESSAGES[code].en, options);
    this.code = code;
  }
}

export function isDataError(error: unknown, code?: DataErrorCode): error is DataError {
  return error instanceof DataError && (code === undefined || error.code === code);
}
