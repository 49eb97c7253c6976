import { parseBridgeUrl } from './bridge-url';
import { FingerprintError, isFingerprintError } from './fingerprint-error';
import type {
  FingerprintCaptureOptions,
  FingerprintImage,
  FingerprintReader,
  FingerprintReaderStatus,
} from './fingerprint-reader';
import { MAX_IMAGE_BYTES } from './image-format';
import { type BrowserPngEncoder, toPng } from './to-png';

export interface LocalBridgeOptions {
  /** Base URL of the bridge, e.g. `http://127.0.0.1:17321/fingerprint` (loopback only). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Default wait for a finger (ms). */
  captureTimeoutMs?: number;
  /** Wait for `/status` (ms). */
  statusTimeoutMs?: number;
  /** For JPEG and unusual BMP; defaults to the canvas encoder (browser). */
  browserEncoder?: BrowserPngEncoder;
  now?: () => number;
}

/** Extra time after the finger wait for the bridge to answer before the request gives up. */
const ANSWER_GRACE_MS = 3000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const str = (v: unknown, max = 100) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Driver for a local capture bridge — the small HTTP service next to the vendor's SDK (contract v1 in CONTEXT.md):
 * `GET {base}/status` → `{ model, ready, vendor?, dpi? }`; `POST {base}/capture?timeoutMs=N` (no body, so a simple
 * CORS request) → the image bytes (PNG/BMP/JPEG) or `{ imageBase64, model?, vendor?, quality? }`; 408/504 no finger in
 * time, 409/423/503 busy. Cookies and referrer are never sent to the bridge.
 */
export class LocalBridgeFingerprintReader implements FingerprintReader {
  readonly kind = 'local-bridge';
  readonly baseUrl: string;
  private lastStatus: FingerprintReaderStatus | undefined;

  constructor(private readonly options: LocalBridgeOptions) {
    this.baseUrl = parseBridgeUrl(options.baseUrl);
  }

  async status(options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<FingerprintReaderStatus> {
    const body = await this.exchange(
      '/status',
      { method: 'GET' },
      options.timeoutMs ?? this.options.statusTimeoutMs ?? 3000,
      options.signal,
      async (res) => {
        if (!res.ok) throw new FingerprintError('NOT_CONNECTED', { detail: `HTTP ${res.status}` });
        return readJson(res);
      },
      'NOT_CONNECTED',
    );
    const model = str(body.model);
    if (!model || typeof body.ready !== 'boolean')
      throw new FingerprintError('BAD_RESPONSE', { detail: 'status needs model and ready' });
    const vendor = str(body.vendor);
    const dpi = num(body.dpi);
    this.lastStatus = { model, ready: body.ready, ...(vendor ? { vendor } : {}), ...(dpi ? { dpi } : {}) };
    return this.lastStatus;
  }

  async capture(options: FingerprintCaptureOptions = {}): Promise<FingerprintImage> {
    const wait = Math.max(1000, Math.round(options.timeoutMs ?? this.options.captureTimeoutMs ?? 20_000));
    const { bytes, meta } = await this.exchange(
      `/capture?timeoutMs=${wait}`,
      { method: 'POST' },
      wait + ANSWER_GRACE_MS,
      options.signal,
      async (res) => {
        if (res.status === 408 || res.status === 504) throw new FingerprintError('TIMEOUT');
        if (res.status === 409 || res.status === 423 || res.status === 503) throw new FingerprintError('NOT_READY');
        if (!res.ok) throw new FingerprintError('BAD_RESPONSE', { detail: `HTTP ${res.status}` });
        const declared = Number(res.headers.get('content-length') ?? 0);
        if (declared > MAX_IMAGE_BYTES * 1.4) throw new FingerprintError('BAD_IMAGE', { detail: 'too large' });
        if (/json/i.test(res.headers.get('content-type') ?? '')) {
          const body = await readJson(res);
          return { bytes: decodeBase64(body.imageBase64), meta: body };
        }
        return { bytes: new Uint8Array(await res.arrayBuffer()), meta: {} as Record<string, unknown> };
      },
      'TIMEOUT',
    );
    const converted = await toPng(
      bytes,
      this.options.browserEncoder ? { browserEncoder: this.options.browserEncoder } : {},
    );
    const model = str(meta.model) ?? this.lastStatus?.model ?? 'unknown';
    const vendor = str(meta.vendor) ?? this.lastStatus?.vendor;
    const quality = num(meta.quality);
    return {
      ...converted,
      device: { model, ...(vendor ? { vendor } : {}) },
      ...(quality !== undefined && quality >= 0 && quality <= 100 ? { quality } : {}),
      capturedAt: this.options.now?.() ?? Date.now(),
    };
  }

  /** One request with a deadline covering headers and body; maps transport failures to codes. */
  private async exchange<T>(
    path: string,
    init: RequestInit,
    deadlineMs: number,
    signal: AbortSignal | undefined,
    read: (res: Response) => Promise<T>,
    onDeadline: 'TIMEOUT' | 'NOT_CONNECTED',
  ): Promise<T> {
    if (signal?.aborted) throw new FingerprintError('ABORTED');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deadlineMs);
    const cancel = () => controller.abort();
    signal?.addEventListener('abort', cancel);
    try {
      const res = await (this.options.fetch ?? fetch)(`${this.baseUrl}${path}`, {
        ...init,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
        mode: 'cors',
        referrerPolicy: 'no-referrer',
      });
      return await read(res);
    } catch (error) {
      if (signal?.aborted) throw new FingerprintError('ABORTED', { cause: error });
      if (timedOut) throw new FingerprintError(onDeadline, { cause: error });
      if (isFingerprintError(error)) throw error;
      // A refused connection, a CORS or Content-Security-Policy block: all look the same from here.
      throw new FingerprintError('NOT_CONNECTED', { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }
}

async function readJson(res: Response): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await res.json();
  } catch (cause) {
    throw new FingerprintError('BAD_RESPONSE', { cause, detail: 'malformed JSON' });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new FingerprintError('BAD_RESPONSE', { detail: 'JSON object expected' });
  return body as Record<string, unknown>;
}

function decodeBase64(value: unknown): Uint8Array {
  if (typeof value !== 'string' || !value || !BASE64.test(value))
    throw new FingerprintError('BAD_IMAGE', { detail: 'imageBase64 missing or not base64' });
  if (value.length > MAX_IMAGE_BYTES * 1.4) throw new FingerprintError('BAD_IMAGE', { detail: 'too large' });
  const binary = atob(value);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
