import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../app-context';
import { envelopes, patients } from '../../db/schema';
import { AppError, fieldIssuesOf } from '../../errors';
import { authenticateApiClient } from '../../services/api-clients/api-keys';
import { createEnvelope } from '../../services/envelopes/create-envelope';
import { envelopeDeps } from '../../services/envelopes/envelope-deps';
import { getEnvelope } from '../../services/envelopes/list-envelopes';
import { ZRestCreateEnvelopeSchema } from './schemas';
import { toRestEnvelope } from './to-rest-envelope';

/** Deterministic JSON (sorted keys) so a retried request hashes the same regardless of key order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** POST /api/v1/envelopes — honours Idempotency-Key per API client: same body → same envelope; other body → 422. */
export async function createEnvelopeRest(
  app: AppContext,
  authorization: string | null,
  idempotencyKey: string | null,
  body: unknown,
) {
  const client = await authenticateApiClient(app.db, authorization);
  const parsed = ZRestCreateEnvelopeSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', '输入有误 / Invalid input', { fields: fieldIssuesOf(parsed.error.issues) });
  if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 200)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Idempotency-Key 长度须为 1-200 / Idempotency-Key must be 1-200 characters',
      {
        fields: [{ path: 'Idempotency-Key', message: 'length 1-200' }],
      },
    );
  }
  const digest = createHash('sha256').update(stableStringify(parsed.data)).digest('hex');
  const replay = async () => {
    if (!idempotencyKey) return null;
    const [prior] = await app.db
      .select({ id: envelopes.id, formData: envelopes.formData })
      .from(envelopes)
      .where(and(eq(envelopes.apiClientId, client.id), eq(envelopes.idempotencyKey, idempotencyKey)));
    if (!prior) return null;
    if (prior.formData.requestDigest !== digest) {
      throw new AppError(
        'IDEMPOTENCY_MISMATCH',
        'Idempotency-Key 已用于不同的请求 / Idempotency-Key was used with a different body',
      );
    }
    return { status: 200, envelope: toRestEnvelope(await getEnvelope(app.db, prior.id)) };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const { patientMrn, ...rest } = parsed.data;
  const [patient] = await app.db.select({ id: patients.id }).from(patients).where(eq(patients.mrn, patientMrn));
  if (!patient) {
    throw new AppError('NOT_FOUND', '患者不存在 / Patient not found', {
      fields: [{ path: 'patientMrn', message: 'unknown MRN' }],
    });
  }
  try {
    const created = await createEnvelope(
      envelopeDeps(app),
      { type: 'api_client', id: client.id },
      { ...rest, patientId: patient.id },
      { apiClientId: client.id, requestDigest: digest, ...(idempotencyKey ? { idempotencyKey } : {}) },
    );
    return { status: 201, envelope: toRestEnvelope(await getEnvelope(app.db, created.id)) };
  } catch (error) {
    // Two retries racing: the loser hits the unique (client, key) constraint and answers with the winner's result.
    const again = await replay().catch(() => null);
    if (again) return again;
    throw error;
  }
}
