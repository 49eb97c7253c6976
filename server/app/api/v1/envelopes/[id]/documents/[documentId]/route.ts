import { findClientEnvelope } from '../../../../../../../src/api/rest/find-client-envelope';
import { AppError } from '../../../../../../../src/errors';
import { handle } from '../../../../../../../src/http/handle';

export const dynamic = 'force-dynamic';

/** The document's PDF: the signed version once sealed, otherwise the rendered original. */
export const GET = handle<{ id: string; documentId: string }>(async (app, request, { id, documentId }) => {
  const envelope = await findClientEnvelope(app, request, id);
  const doc = envelope.documents.find((d) => d.id === documentId);
  const sha = doc?.signedSha256 ?? doc?.originalSha256;
  if (!doc || !sha) throw new AppError('NOT_FOUND', '文书不存在 / Document not found');
  const bytes = await app.blobs.get(sha);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${doc.templateKey}-${doc.id}.pdf"`,
      'x-content-sha256': sha,
    },
  });
});
