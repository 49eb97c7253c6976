import { HOSPITAL_NAME } from '../../../../src/app-context';
import { clientAddress } from '../../../../src/http/cookies';
import { handle } from '../../../../src/http/handle';
import { readUpload } from '../../../../src/services/records/read-upload';
import { renderSignedVerifyReport } from '../../../../src/services/records/signed-verify-report';
import { processVerifyThrottle } from '../../../../src/services/records/verify-throttle';
import { VERIFY_UPLOAD_MAX_BYTES, verifyUpload } from '../../../../src/services/records/verify-upload';

export const dynamic = 'force-dynamic';

/** The same public verification as POST /api/verify, answered as a signed PDF report (nothing is stored). */
export const POST = handle(async (app, request) => {
  const release = processVerifyThrottle().acquire(clientAddress(request), Date.now());
  try {
    const bytes = await readUpload(request, VERIFY_UPLOAD_MAX_BYTES);
    const trust = await app.trust();
    const report = await verifyUpload(
      { trustAnchors: [trust.pki.rootCertificate], trustedLogKeys: [trust.logKey.publicKey], clock: app.clock },
      bytes,
    );
    const pdf = await renderSignedVerifyReport(report, {
      trust,
      hospitalName: HOSPITAL_NAME,
      fontPath: app.config.cjkFont,
      clock: app.clock,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="verification-${report.sha256.slice(0, 12)}.pdf"`,
        'cache-control': 'no-store',
      },
    });
  } finally {
    release();
  }
});
