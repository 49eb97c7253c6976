import { z } from 'zod';
import { handle } from '../../../../../src/http/handle';
import { requireStaff } from '../../../../../src/http/staff-session';
import { downloadDocument } from '../../../../../src/services/downloads';

export const dynamic = 'force-dynamic';

export const GET = handle<{ id: string }>(async (app, request, { id }) => {
  const session = await requireStaff(app, request);
  const file = await downloadDocument(app, { type: 'staff', id: session.userId }, z.uuid().parse(id));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file.filename}"`,
      'x-content-sha256': file.sha,
    },
  });
});
