import { z } from 'zod';
import { KioskError, type KioskErrorCode } from '../kiosk-error';
import { clockOffsetFromDate, setClockOffset } from '../lib/clock-offset';
import {
  type TDeviceInfo,
  type TEnvelopeDetail,
  type TEnvelopeSummary,
  type TIdCardOcr,
  ZDeclineAckSchema,
  ZDeviceInfoSchema,
  ZEnvelopeDetailSchema,
  ZEnvelopeSummarySchema,
  ZIdCardOcrSchema,
  ZProblemSchema,
  ZSubmissionAckSchema,
} from './device-schemas';

type Fetch = typeof fetch;

/** Bodies the app does not read (enroll, opened): any JSON object is fine. */
const ZAck = z.record(z.string(), z.unknown());

function codeForStatus(status: number, problemCode: string | undefined): KioskErrorCode {
  if (problemCode === 'IDEMPOTENCY_MISMATCH') return 'IDEMPOTENCY_MISMATCH';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'REVOKED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'INVALID_INPUT';
  return 'SERVER';
}

/** Turns a non-2xx response into a KioskError carrying the server's bilingual problem title. */
async function failure(res: Response): Promise<KioskError> {
  let title = `HTTP ${res.status}`;
  let code: string | undefined;
  try {
    const problem = ZProblemSchema.parse(await res.json());
    title = problem.title ?? title;
    code = problem.code;
  } catch {
    // Not problem+json (a proxy page, a crash): keep the status line.
  }
  return new KioskError(codeForStatus(res.status, code), title, { status: res.status });
}

async function request<T>(
  fetchImpl: Fetch,
  url: string,
  schema: z.ZodType<T>,
  init?: RequestInit,
  measureClock = false,
): Promise<T> {
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetchImpl(url, { credentials: 'same-origin', ...init });
    if (measureClock) setClockOffset(clockOffsetFromDate(res.headers.get('date'), sentAt, Date.now()));
  } catch (cause) {
    throw new KioskError('NETWORK', '网络不可用 / Network unavailable', { cause });
  }
  if (!res.ok) throw await failure(res);
  const body: unknown = res.status === 204 ? {} : await res.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new KioskError('BAD_RESPONSE', '服务器响应无法识别 / Unexpected server response', { cause: parsed.error });
  return parsed.data;
}

const jsonInit = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Thin client for the bedside device endpoints; the device authenticates with its HttpOnly cookie. */
export function createDeviceApi(fetchImpl: Fetch = (...args) => fetch(...args)) {
  return {
    enroll: (code: string) => request(fetchImpl, '/api/device/enroll', ZAck, jsonInit({ code })),
    me: (): Promise<TDeviceInfo> => request(fetchImpl, '/api/device/me', ZDeviceInfoSchema, undefined, true),
    envelopes: (): Promise<TEnvelopeSummary[]> =>
      request(fetchImpl, '/api/device/envelopes', ZEnvelopeSummarySchema.array()),
    envelope: (id: string): Promise<TEnvelopeDetail> =>
      request(fetchImpl, `/api/device/envelopes/${encodeURIComponent(id)}`, ZEnvelopeDetailSchema),
    markOpened: (id: string) =>
      request(fetchImpl, `/api/device/envelopes/${encodeURIComponent(id)}/opened`, ZAck, {
        method: 'POST',
      }),
    /** With the envelope, the server compares the card with that patient (`matchesPatient`). */
    ocrIdCard: (jpeg: Blob, envelopeId?: string): Promise<TIdCardOcr> =>
      request(
        fetchImpl,
        `/api/device/idcard/ocr${envelopeId ? `?envelopeId=${encodeURIComponent(envelopeId)}` : ''}`,
        ZIdCardOcrSchema,
        {
          method: 'POST',
          headers: { 'content-type': 'image/jpeg' },
          body: jpeg,
        },
      ),
    /** 200 when recorded, and again (`replayed`) when the same decline is resent under the same key. */
    decline: (body: {
      idempotencyKey: string;
      envelopeId: string;
      signerId: string;
      reason: string;
      timeline: unknown[];
    }) =>
      request(
        fetchImpl,
        `/api/device/envelopes/${encodeURIComponent(body.envelopeId)}/decline`,
        ZDeclineAckSchema,
        jsonInit(body),
      ),
    /** 202 on first acceptance, 200 when the same idempotency key is replayed with the same body. */
    submit: (body: unknown) => request(fetchImpl, '/api/device/submissions', ZSubmissionAckSchema, jsonInit(body)),
  };
}

export type DeviceApi = ReturnType<typeof createDeviceApi>;
