import { z } from 'zod';
import { handle } from '../../../../../../src/http/handle';
import { readDocumentPdf } from '../../../../../../src/services/records/read-document-pdf';
import { requireRecordsSession } from '../../../../../../src/services/records/require-records-session';

export const dynamic = 'force-dynamic';

export const GET = handle<{ envelopeId: string; documentId: string }>(async (app, request, params) => {
  await requireRecordsSession(app, request);
  const file = await readDocumentPdf(app, z.uuid().parse(params.envelopeId), z.uuid().parse(params.documentId));
  return new Response(new Uint8Array(file.bytes), {
    headers: { 'content-type': 'application/pdf', 'cache-control': 'private, no-store', 'x-content-sha256': file.sha },
  });
});
