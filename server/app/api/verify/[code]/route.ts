import { AppError } from '../../../../src/errors';
import { clientAddress } from '../../../../src/http/cookies';
import { handle, json } from '../../../../src/http/handle';
import { lookupVerificationCode, matchesOriginal } from '../../../../src/services/records/lookup-verification-code';
import { readUpload } from '../../../../src/services/records/read-upload';
import { processVerifyThrottle } from '../../../../src/services/records/verify-throttle';
import { VERIFY_UPLOAD_MAX_BYTES } from '../../../../src/services/records/verify-upload';

export const dynamic = 'force-dynamic';

async function statusOf(app: Parameters<Parameters<typeof handle>[0]>[0], request: Request, code: string) {
  const release = processVerifyThrottle().acquire(clientAddress(request), Date.now());
  try {
    return await lookup(app, code);
  } finally {
    release();
  }
}

async function lookup(app: Parameters<Parameters<typeof handle>[0]>[0], code: string) {
  const trust = await app.trust();
  const status = await lookupVerificationCode({ ...app, trustAnchors: [trust.pki.rootCertificate] }, code);
  if (!status) throw new AppError('NOT_FOUND', '未找到该验证码 / Unknown verification code');
  return status;
}

/** Status of the document behind a printed code (no patient data). */
export const GET = handle<{ code: string }>(async (app, request, { code }) =>
  json(await statusOf(app, request, code), 200, { 'cache-control': 'no-store' }),
);

/** Compares an uploaded copy with the sealed original behind the code (byte-identical or not). */
export const POST = handle<{ code: string }>(async (app, request, { code }) => {
  const status = await statusOf(app, request, code);
  const bytes = await readUpload(request, VERIFY_UPLOAD_MAX_BYTES);
  return json({ code: status.code, matches: matchesOriginal(status, bytes) }, 200, { 'cache-control': 'no-store' });
});
