import { z } from 'zod';
import type { AppContext } from '../../app-context';
import { AppError } from '../../errors';
import { authenticateApiClient } from '../../services/api-clients/api-keys';
import { getEnvelope } from '../../services/envelopes/list-envelopes';

/** Authenticates the API client and loads an envelope it may see (any envelope of this hospital). */
export async function findClientEnvelope(app: AppContext, request: Request, id: string) {
  await authenticateApiClient(app.db, request.headers.get('authorization'));
  if (!z.uuid().safeParse(id).success) {
    throw new AppError('VALIDATION_FAILED', 'ID 格式错误 / Malformed id', {
      fields: [{ path: 'id', message: 'must be a UUID' }],
    });
  }
  return getEnvelope(app.db, id);
}
