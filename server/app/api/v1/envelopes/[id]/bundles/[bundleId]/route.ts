import { EVIDENCE_CONTAINER_MEDIA_TYPE } from '@inkproof/evidence';
import { findClientEnvelope } from '../../../../../../../src/api/rest/find-client-envelope';
import { AppError } from '../../../../../../../src/errors';
import { handle } from '../../../../../../../src/http/handle';
import { downloadBundle } from '../../../../../../../src/services/downloads';

export const dynamic = 'force-dynamic';

/** The sealed evidence bundle (biometric items inside stay encrypted to the records escrow certificate). */
export const GET = handle<{ id: string; bundleId: string }>(async (app, request, { id, bundleId }) => {
  const envelope = await findClientEnvelope(app, request, id);
  if (!envelope.bundles.some((b) => b.id === bundleId))
    throw new AppError('NOT_FOUND', '证据包不存在 / Evidence bundle not found');
  const file = await downloadBundle(app, { type: 'api_client', id: null }, bundleId);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': EVIDENCE_CONTAINER_MEDIA_TYPE,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'x-content-sha256': file.sha,
    },
  });
});
