import { z } from 'zod';
import { requireDevice } from '../../../../../../src/http/device-auth';
import { handle } from '../../../../../../src/http/handle';
import { getDeviceDocumentPdf } from '../../../../../../src/services/device-flow/get-device-envelope';

export const dynamic = 'force-dynamic';

export const GET = handle<{ documentId: string }>(async (app, request, { documentId }) => {
  const device = await requireDevice(app, request);
  const { bytes } = await getDeviceDocumentPdf(app, device.id, z.uuid().parse(documentId));
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'application/pdf', 'cache-control': 'no-store' },
  });
});
