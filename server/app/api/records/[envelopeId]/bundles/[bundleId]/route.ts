import { z } from 'zod';
import { handle } from '../../../../../../src/http/handle';
import { exportBundle } from '../../../../../../src/services/records/export-bundle';
import { requireRecordsSession } from '../../../../../../src/services/records/require-records-session';

export const dynamic = 'force-dynamic';

export const GET = handle<{ envelopeId: string; bundleId: string }>(async (app, request, params) => {
  const { actor } = await requireRecordsSession(app, request);
  const file = await exportBundle(app, actor, z.uuid().parse(params.envelopeId), z.uuid().parse(params.bundleId));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'x-content-sha256': file.sha256,
    },
  });
});
