import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as login } from '../app/api/auth/login/route';
import { POST as enroll } from '../app/api/device/enroll/route';
import { GET as deviceEvents } from '../app/api/device/events/route';
import { GET as health } from '../app/api/health/route';
import { GET as trpcGet, POST as trpcPost } from '../app/api/trpc/[trpc]/route';
import { GET as getEnvelope } from '../app/api/v1/envelopes/[id]/route';
import { POST as createRest } from '../app/api/v1/envelopes/route';
import { GET as openapi } from '../app/api/v1/openapi.json/route';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import { DEMO_API_CLIENT, DEMO_STAFF } from '../src/seed/demo-data';
import { createTestApp, type TestApp } from './helpers/test-app';

const BASE = 'http://localhost:3000';
const noParams = { params: Promise.resolve({}) };
const SURGERY = {
  diagnosis: '右肺上叶肺癌',
  procedureName: '胸腔镜右肺上叶切除术',
  procedureDate: '2026-11-25',
  anesthesiaMethod: '全身麻醉',
  surgeon: '李明',
  alternatives: '放疗',
};

function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function signIn(username: string) {
  const password = DEMO_STAFF.find((s) => s.username === username)!.password;
  const res = await login(jsonRequest('/api/auth/login', { username, password }), noParams);
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const { csrf } = (await res.json()) as { csrf: string };
  return { cookie: cookies.join('; '), csrf };
}

async function trpc(session: { cookie: string; csrf: string } | null, path: string, input?: unknown, mutation = false) {
  const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  const url = `${BASE}/api/trpc/${path}`;
  const res = mutation
    ? await trpcPost(
        new Request(url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? null),
        }),
      )
    : await trpcGet(
        new Request(input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers,
        }),
      );
  return {
    status: res.status,
    body: (await res.json()) as {
      result?: { data: unknown };
      error?: { message: string; data: { appCode?: string; httpStatus: number; fields?: { path: string }[] } };
    },
  };
}

describe.each(TEST_DATABASE_KINDS)('HTTP layer on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { INKPROOF_BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => t.cleanup());

  it('reports health with the database kind', async () => {
    const res = await health(new Request(`${BASE}/api/health`), noParams);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { kind, ok: true } });
  });

  it('rejects a wrong password and throttles repeated failures', async () => {
    const attempt = () =>
      login(
        jsonRequest('/api/auth/login', { username: 'doctor', password: 'wrong' }, { 'x-forwarded-for': '10.9.9.9' }),
        noParams,
      );
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });

  it('enforces sign-in, CSRF and roles on tRPC procedures', async () => {
    expect((await trpc(null, 'wards.listWards')).status).toBe(401);
    const records = await signIn('records');
    const wards = await trpc(records, 'wards.listWards');
    expect(wards.status).toBe(200);
    const launch = {
      patientId: '00000000-0000-4000-8000-000000000000',
      documents: [{ templateKey: 'surgery-consent' }],
      signers: [{ role: 'patient', name: 'x' }],
      channel: 'link',
    };
    const forbidden = await trpc(records, 'envelopes.createEnvelope', launch, true);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.data.appCode).toBe('FORBIDDEN');
    const nurse = await signIn('nurse');
    const noCsrf = await trpc({ ...nurse, csrf: 'forged' }, 'envelopes.createEnvelope', launch, true);
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error?.data.appCode).toBe('CSRF_REJECTED');
    const invalid = await trpc(nurse, 'envelopes.createEnvelope', { ...launch, patientId: 'nope', signers: [] }, true);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.data.fields?.map((f) => f.path).sort()).toEqual(['patientId', 'signers']);
    const missing = await trpc(nurse, 'envelopes.createEnvelope', launch, true);
    expect(missing.status).toBe(404);
  });

  it('enrolls a device that then receives a pushed envelope over SSE', async () => {
    const admin = await signIn('admin');
    const wards = (await trpc(admin, 'wards.listWards')).body.result!.data as {
      id: string;
      beds: { id: string; patient: { id: string; name: string } | null }[];
    }[];
    const bed = wards[0]!.beds.find((b) => b.patient)!;
    const created = await trpc(
      admin,
      'devices.createEnrollment',
      { name: '测试平板', wardId: wards[0]!.id, bedId: bed.id },
      true,
    );
    const { code } = created.body.result!.data as { code: string };
    const enrolled = await enroll(jsonRequest('/api/device/enroll', { code }), noParams);
    expect(enrolled.status).toBe(201);
    const { credential, deviceId } = (await enrolled.json()) as { credential: string; deviceId: string };
    expect(enrolled.headers.get('set-cookie')).toMatch(/^inkproof_device=.*HttpOnly/);
    const reused = await enroll(jsonRequest('/api/device/enroll', { code }), noParams);
    expect(reused.status).toBe(404);

    const abort = new AbortController();
    const stream = await deviceEvents(
      new Request(`${BASE}/api/device/events`, {
        headers: { authorization: `Bearer ${credential}` },
        signal: abort.signal,
      }),
      noParams,
    );
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      while (!received.join('').includes('envelope.pushed')) {
        const { value, done } = await reader.read();
        if (done) break;
        received.push(decoder.decode(value));
      }
    })();
    const nurse = await signIn('nurse');
    const launched = await trpc(
      nurse,
      'envelopes.createEnvelope',
      {
        patientId: bed.patient!.id,
        documents: [{ templateKey: 'surgery-consent', data: SURGERY }],
        signers: [{ role: 'patient', name: bed.patient!.name }],
        channel: 'device',
        deviceId,
      },
      true,
    );
    expect(launched.status).toBe(200);
    const { id } = launched.body.result!.data as { id: string };
    await reading;
    abort.abort();
    expect(received.join('')).toContain(`"envelopeId":"${id}"`);

    const revoked = await trpc(admin, 'devices.revokeDevice', { deviceId }, true);
    expect(revoked.status).toBe(200);
    const afterRevoke = await deviceEvents(
      new Request(`${BASE}/api/device/events`, { headers: { authorization: `Bearer ${credential}` } }),
      noParams,
    );
    expect(afterRevoke.status).toBe(403);
  });

  it('serves the HIS API: API key, idempotency, problem+json, body limit', async () => {
    const auth = { authorization: `Bearer ${DEMO_API_CLIENT.key}` };
    const body = {
      patientMrn: 'ZY2026002',
      documents: [{ templateKey: 'surgery-consent', data: SURGERY }],
      signers: [{ role: 'patient', name: '刘秀英' }],
      channel: 'link',
    };
    expect((await createRest(jsonRequest('/api/v1/envelopes', body), noParams)).status).toBe(401);
    const first = await createRest(
      jsonRequest('/api/v1/envelopes', body, { ...auth, 'idempotency-key': 'his-42' }),
      noParams,
    );
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; status: string; documents: unknown[] };
    expect(created.status).toBe('sent');
    const replay = await createRest(
      jsonRequest('/api/v1/envelopes', body, { ...auth, 'idempotency-key': 'his-42' }),
      noParams,
    );
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { id: string }).id).toBe(created.id);
    const mismatch = await createRest(
      jsonRequest(
        '/api/v1/envelopes',
        { ...body, signers: [{ role: 'patient', name: '别人' }] },
        { ...auth, 'idempotency-key': 'his-42' },
      ),
      noParams,
    );
    expect(mismatch.status).toBe(422);
    expect(mismatch.headers.get('content-type')).toMatch(/application\/problem\+json/);

    const unknownPatient = await createRest(
      jsonRequest('/api/v1/envelopes', { ...body, patientMrn: 'NOPE' }, auth),
      noParams,
    );
    expect(unknownPatient.status).toBe(404);
    const malformed = await createRest(jsonRequest('/api/v1/envelopes', '{"patientMrn":', auth), noParams);
    expect(malformed.status).toBe(400);
    const malformedBody = (await malformed.json()) as Record<string, unknown>;
    expect(malformedBody.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(malformedBody)).not.toMatch(/at \w+ \(/);
    const huge = await createRest(jsonRequest('/api/v1/envelopes', { ...body, pad: 'x'.repeat(5000) }, auth), noParams);
    expect(huge.status).toBe(413);

    const fetched = await getEnvelope(new Request(`${BASE}/api/v1/envelopes/${created.id}`, { headers: auth }), {
      params: Promise.resolve({ id: created.id }),
    });
    expect(fetched.status).toBe(200);
    const fetchedBody = (await fetched.json()) as { documents: { signed: boolean }[]; bundles: unknown[] };
    expect(fetchedBody.documents[0]!.signed).toBe(false);
    expect(fetchedBody.bundles).toEqual([]);
    const badId = await getEnvelope(new Request(`${BASE}/api/v1/envelopes/x`, { headers: auth }), {
      params: Promise.resolve({ id: 'x' }),
    });
    expect(badId.status).toBe(400);
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = (await (await openapi(new Request(`${BASE}/api/v1/openapi.json`), noParams)).json()) as {
      openapi: string;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['CreateEnvelope', 'Document', 'Envelope', 'Problem']);
    expect(Object.keys(doc.components.schemas.CreateEnvelope!.properties!)).toEqual(
      expect.arrayContaining(['patientMrn', 'documents', 'signers', 'channel']),
    );
    expect(Object.keys(doc.paths)).toContain('/envelopes/{id}/documents/{documentId}');
  });
});
