/** Closed set of fingerprint capture failures; tests assert these, never messages. */
export type FingerprintErrorCode =
  /** The bridge URL is not a loopback http(s) URL. */
  | 'INVALID_URL'
  /** No capture service answers at the URL (not running, blocked, not a bridge), or it reports no reader. */
  | 'NOT_CONNECTED'
  /** The reader is there but busy or not ready (bridge answered 409/423/503 or `ready: false`). */
  | 'NOT_READY'
  /** No finger within the time given (bridge 408/504, or no answer before our deadline). */
  | 'TIMEOUT'
  /** The caller cancelled (AbortSignal). */
  | 'ABORTED'
  /** The answer is not a usable PNG/BMP/JPEG image (unknown format, truncated, too large, undecodable). */
  | 'BAD_IMAGE'
  /** The answer does not follow the bridge contract (malformed JSON, unexpected status). */
  | 'BAD_RESPONSE';

const MESSAGES: Record<FingerprintErrorCode, string> = {
  INVALID_URL: '指纹采集服务地址无效（须为本机地址）/ Invalid fingerprint service address (must be this computer)',
  NOT_CONNECTED: '未连接指纹仪，请检查设备与采集服务 / No fingerprint reader: check the device and its capture service',
  NOT_READY: '指纹仪忙或未就绪，请稍后重试 / The fingerprint reader is busy or not ready; try again',
  TIMEOUT: '未检测到手指，请将手指平放在指纹仪上后重试 / No finger detected: place your finger flat and try again',
  ABORTED: '已取消指纹采集 / Fingerprint capture cancelled',
  BAD_IMAGE: '指纹图像无法使用，请重新采集 / The fingerprint image is unusable; capture again',
  BAD_RESPONSE: '指纹采集服务应答异常 / The fingerprint service answered unexpectedly',
};

/** The error of the fingerprint module; `message` is bilingual (zh-CN first) and says what to do next. */
export class FingerprintError extends Error {
  readonly code: FingerprintErrorCode;

  constructor(code: FingerprintErrorCode, options: { cause?: unknown; detail?: string } = {}) {
    super(
      options.detail ? `${MESSAGES[code]} (${options.detail})` : MESSAGES[code],
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'FingerprintError';
    this.code = code;
  }
}

export const isFingerprintError = (value: unknown): value is FingerprintError =>
  value instanceof Error && value.name === 'FingerprintError' && typeof (value as FingerprintError).code === 'string';
