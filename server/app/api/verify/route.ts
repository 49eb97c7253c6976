import { clientAddress } from '../../../src/http/cookies';
import { handle, json } from '../../../src/http/handle';
import { readUpload } from '../../../src/services/records/read-upload';
import { processVerifyThrottle } from '../../../src/services/records/verify-throttle';
import { VERIFY_UPLOAD_MAX_BYTES, verifyUpload } from '../../../src/services/records/verify-upload';

export const dynamic = 'force-dynamic';

/** Public verification (no login): the upload is verified in memory and dropped; nothing is stored or logged. */
export const POST = handle(async (app, request) => {
  const release = processVerifyThrottle().acquire(clientAddress(request), Date.now());
  try {
    const bytes = await readUpload(request, VERIFY_UPLOAD_MAX_BYTES);
    const trust = await app.trust();
    const report = await verifyUpload(
      { trustAnchors: [trust.pki.rootCertificate], trustedLogKeys: [trust.logKey.publicKey], clock: app.clock },
      bytes,
    );
    return json(report, 200, { 'cache-control': 'no-store' });
  } finally {
    release();
  }
});
