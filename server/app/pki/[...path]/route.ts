import { AppError } from '../../../src/errors';
import { handle } from '../../../src/http/handle';
import { readBody } from '../../../src/http/read-json';

export const dynamic = 'force-dynamic';

const der = (bytes: Uint8Array, type: string) =>
  new Response(new Uint8Array(bytes), { headers: { 'content-type': type, 'cache-control': 'no-cache' } });

/**
 * The built-in CA's public endpoints that certificates point to (CRLDP, AIA): certificates, CRLs (RFC 5280), OCSP
 * (RFC 6960, GET and POST) and the TSA (RFC 3161 over HTTP). Public by design: relying parties fetch them.
 */
export const GET = handle<{ path: string[] }>(async (app, _request, { path }) => {
  const { pki } = await app.trust();
  const name = path.join('/');
  if (name === 'root.cer') return der(pki.rootCertificate, 'application/pkix-cert');
  if (name === 'event-ca.cer') return der(pki.eventCaCertificate, 'application/pkix-cert');
  if (name === 'root.crl') return der(await pki.crl('root'), 'application/pkix-crl');
  if (name === 'event-ca.crl') return der(await pki.crl('event-ca'), 'application/pkix-crl');
  if (path[0] === 'ocsp' && path.length > 1) {
    const request = new Uint8Array(Buffer.from(decodeURIComponent(path.slice(1).join('/')), 'base64'));
    return der(await pki.ocspRespond(request), 'application/ocsp-response');
  }
  throw new AppError('NOT_FOUND', 'Not found');
});

export const POST = handle<{ path: string[] }>(async (app, request, { path }) => {
  const { pki } = await app.trust();
  const name = path.join('/');
  if (name === 'ocsp') {
    return der(
      await pki.ocspRespond(await readBody(request, 65_536, /^application\/ocsp-request\b/i)),
      'application/ocsp-response',
    );
  }
  if (name === 'tsa') {
    return der(
      await pki.tsaRespond(await readBody(request, 65_536, /^application\/timestamp-query\b/i)),
      'application/timestamp-reply',
    );
  }
  throw new AppError('NOT_FOUND', 'Not found');
});
