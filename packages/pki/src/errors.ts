/** Closed set of failure codes for @inkproof/pki; tests assert these, never the message text. */
export type PkiErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_DER'
  | 'UNSUPPORTED_ALGORITHM'
  | 'KEY_DESTROYED'
  | 'BAD_PASSPHRASE'
  | 'KEYSTORE_CORRUPT'
  | 'PKCS11_UNAVAILABLE'
  | 'PKCS11_TOKEN_NOT_FOUND'
  | 'PKCS11_ERROR'
  | 'CA_ERROR'
  | 'TSA_UNAVAILABLE'
  | 'TSA_BAD_REQUEST'
  | 'TSA_BAD_RESPONSE'
  | 'TIMESTAMP_INVALID'
  | 'CMS_INVALID'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'CHAIN_INVALID'
  | 'CERT_NOT_YET_VALID'
  | 'CERT_EXPIRED'
  | 'CERT_REVOKED'
  | 'REVOCATION_UNKNOWN';

/** Default bilingual (zh-CN first) messages that tell the reader what to do next. */
const DEFAULT_MESSAGES: Record<PkiErrorCode, string> = {
  INVALID_ARGUMENT: '参数无效，请检查调用参数。 / Invalid argument: check the call parameters.',
  INVALID_DER: 'DER 数据无法解析，请确认文件未损坏。 / DER data could not be parsed: check the file is intact.',
  UNSUPPORTED_ALGORITHM: '不支持的算法，请改用 ECDSA、RSA 或 SM2。 / Unsupported algorithm: use ECDSA, RSA or SM2.',
  KEY_DESTROYED: '签名密钥已销毁，请为本次签名重新签发证书。 / The signing key was destroyed: issue a new certificate.',
  BAD_PASSPHRASE: '密钥库口令错误，请检查配置。 / Wrong keystore passphrase: check the configuration.',
  KEYSTORE_CORRUPT: '密钥库文件损坏，请从备份恢复。 / Keystore file is corrupt: restore it from backup.',
  PKCS11_UNAVAILABLE:
    '无法加载 PKCS#11 模块，请检查模块路径。 / PKCS#11 module could not be loaded: check the module path.',
  PKCS11_TOKEN_NOT_FOUND:
    '未找到指定标签的令牌，请检查 HSM 配置。 / No token with that label: check the HSM configuration.',
  PKCS11_ERROR: 'HSM 操作失败，请查看日志。 / HSM operation failed: see the logs.',
  CA_ERROR: '证书签发失败，请检查 CA 配置。 / Certificate issuance failed: check the CA configuration.',
  TSA_UNAVAILABLE:
    '所有时间戳服务均无响应，封存将稍后重试。 / No time-stamping authority answered: sealing will be retried later.',
  TSA_BAD_REQUEST: '时间戳请求格式错误。 / Malformed time-stamp request.',
  TSA_BAD_RESPONSE: '时间戳响应无效，已尝试下一个服务。 / Invalid time-stamp response: the next TSA is tried.',
  TIMESTAMP_INVALID: '时间戳令牌校验失败。 / Time-stamp token failed verification.',
  CMS_INVALID: '签名数据结构无效。 / The CMS signature structure is invalid.',
  DIGEST_MISMATCH: '文档摘要不符，内容可能被篡改。 / Digest mismatch: the content may have been altered.',
  SIGNATURE_INVALID: '签名值校验失败。 / The signature value does not verify.',
  CHAIN_INVALID: '无法建立到受信根证书的证书链。 / No chain to a trusted root could be built.',
  CERT_NOT_YET_VALID: '证书在验证时间尚未生效。 / Certificate not yet valid at the validation time.',
  CERT_EXPIRED: '证书在验证时间已过期。 / Certificate expired at the validation time.',
  CERT_REVOKED: '证书已被吊销。 / The certificate has been revoked.',
  REVOCATION_UNKNOWN: '缺少证书吊销状态信息。 / No revocation status available for a certificate.',
};

export class PkiError extends Error {
  readonly code: PkiErrorCode;

  constructor(code: PkiErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[code], options);
    this.name = 'PkiError';
    this.code = code;
  }
}

export function isPkiError(value: unknown, code?: PkiErrorCode): value is PkiError {
  return value instanceof PkiError && (code === undefined || value.code === code);
}
