import { z } from 'zod';
import { handle } from '../../../../../src/http/handle';
import { exportEvidencePackage } from '../../../../../src/services/records/export-evidence-package';
import { requireRecordsSession } from '../../../../../src/services/records/require-records-session';

export const dynamic = 'force-dynamic';

export const GET = handle<{ envelopeId: string }>(async (app, request, params) => {
  const { actor } = await requireRecordsSession(app, request);
  const trust = await app.trust();
  const file = await exportEvidencePackage({ ...app, trust }, actor, z.uuid().parse(params.envelopeId));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'x-content-sha256': file.sha256,
    },
  });
});
