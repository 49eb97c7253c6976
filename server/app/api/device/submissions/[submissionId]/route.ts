import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { envelopes, submissions } from '../../../../../src/db/schema';
import { AppError } from '../../../../../src/errors';
import { requireDevice } from '../../../../../src/http/device-auth';
import { handle, json } from '../../../../../src/http/handle';

export const dynamic = 'force-dynamic';

export const GET = handle<{ submissionId: string }>(async (app, request, { submissionId }) => {
  const device = await requireDevice(app, request);
  const [row] = await app.db
    .select({ id: submissions.id, status: submissions.status, envelopeStatus: envelopes.status })
    .from(submissions)
    .innerJoin(envelopes, eq(envelopes.id, submissions.envelopeId))
    .where(and(eq(submissions.id, z.uuid().parse(submissionId)), eq(envelopes.deviceId, device.id)));
  if (!row) throw new AppError('NOT_FOUND', '提交不存在 / Submission not found');
  return json(row);
});
