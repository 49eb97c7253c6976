import { describe, expect, it } from 'vitest';
import { isKioskError } from '../kiosk-error';
import { createDeviceApi } from './device-api';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** A fetch that answers from a table and records what it was asked. */
function fakeFetch(answer: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), ...(init ? { init } : {}) });
    return answer(String(input), init);
  }) as typeof fetch;
  return { impl, calls };
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return isKioskError(error) ? { code: error.code, transient: error.isTransient } : { code: 'OTHER' };
  }
  return { code: 'NONE' };
}

describe('device api client', () => {
  it('maps HTTP failures to closed error codes, transient only for network and 5xx', async () => {
    const table: Record<string, Response | Error> = {};
    const { impl } = fakeFetch((url) => {
      const answer = table[url];
      if (answer instanceof Error) throw answer;
      return answer ?? json(404, {});
    });
    const api = createDeviceApi(impl);
    const submit = () => api.submit({ idempotencyKey: 'k' });
    const cases: [Response | Error, string, boolean][] = [
      [new TypeError('Failed to fetch'), 'NETWORK', true],
      [json(503, { title: '维护中 / Maintenance', status: 503 }, 'application/problem+json'), 'SERVER', true],
      [json(400, { code: 'VALIDATION_FAILED', errors: [{ pointer: '/signer', detail: 'x' }] }), 'INVALID_INPUT', false],
      [json(422, { code: 'IDEMPOTENCY_MISMATCH' }), 'IDEMPOTENCY_MISMATCH', false],
      [json(409, { code: 'INVALID_STATE' }), 'CONFLICT', false],
      [json(403, { code: 'FORBIDDEN' }), 'REVOKED', false],
      [json(401, {}), 'UNAUTHORIZED', false],
      [json(202, { nope: true }), 'BAD_RESPONSE', false],
    ];
    for (const [answer, code, transient] of cases) {
      table['/api/device/submissions'] = answer;
      expect(await codeOf(submit())).toEqual({ code, transient });
    }
    table['/api/device/submissions'] = json(202, { submissionId: 's1', status: 'accepted' });
    expect(await submit()).toEqual({ submissionId: 's1', status: 'accepted' });
  });

  it('accepts the acknowledgement bodies of enroll, opened and decline as they are', async () => {
    const { impl, calls } = fakeFetch((url) =>
      url.endsWith('/decline')
        ? json(200, { id: 'e1', status: 'declined' })
        : json(201, { deviceId: 'd', credential: 'c', name: 'n', wardId: 'w', bedId: null }),
    );
    const api = createDeviceApi(impl);
    await api.enroll('ABCD-EFGH');
    const decline = { idempotencyKey: 'k1', envelopeId: 'e1', signerId: 's', reason: '需要商量', timeline: [] };
    expect(await api.decline(decline)).toEqual({ id: 'e1', status: 'declined' });
    expect(calls.map((c) => [c.url, c.init?.method])).toEqual([
      ['/api/device/enroll', 'POST'],
      ['/api/device/envelopes/e1/decline', 'POST'],
    ]);
    expect(JSON.parse(String(calls[1]?.init?.body))).toEqual(decline);
  });

  it('parses the envelope detail and fills template defaults', async () => {
    const { impl } = fakeFetch(() =>
      json(200, {
        id: 'e1',
        status: 'opened',
        expiresAt: '2026-11-23T00:00:00.000Z',
        patient: {
          name: '张建国',
          sex: 'male',
          birthDate: '1949-12-31',
          mrn: 'ZY2026001',
          ward: '心胸外科一病区',
          bed: '01',
        },
        signers: [{ id: 's1', role: 'patient', name: '张建国', relationship: null, status: 'pending' }],
        documents: [
          {
            id: 'd1',
            title: '手术知情同意书',
            templateKey: 'surgery-consent',
            pdfUrl: '/api/device/documents/d1/pdf',
            signatureFields: [
              {
                name: 'sig_patient',
                role: 'patient',
                meaning: { zh: '患者签名', en: 'Patient' },
                page: 1,
                rect: { x: 1, y: 2, width: 3, height: 4 },
              },
            ],
          },
        ],
      }),
    );
    const env = await createDeviceApi(impl).envelope('e1');
    expect(env.signers[0]?.evidence).toEqual({ idCard: 'optional', photo: 'optional', fingerprint: 'none' });
    expect(env.documents[0]?.reading).toEqual({ minSeconds: 0, scrollToEnd: true });
    expect(env.documents[0]?.notices).toEqual([]);
  });
});
