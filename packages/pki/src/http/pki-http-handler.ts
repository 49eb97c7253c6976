import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BuiltinPki } from '../types.js';

const MAX_BODY = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function send(res: ServerResponse, status: number, type: string, body: Uint8Array | string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export type PkiHttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * `node:http` handler for the objects certificates point to (`/pki/...`): root.cer, event-ca.cer,
 * root.crl, event-ca.crl (RFC 5280 §4.2.1.13, DER), ocsp (RFC 6960 Appendix A, POST and GET) and
 * tsa (RFC 3161 §3.4). Resolves false for paths it does not own so a server can fall through.
 */
export function createPkiHttpHandler(pki: BuiltinPki, prefix = '/pki'): PkiHttpHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${prefix}/`)) return false;
    const name = url.pathname.slice(prefix.length + 1);
    if (req.method === 'GET' && name === 'root.cer') send(res, 200, 'application/pkix-cert', pki.rootCertificate);
    else if (req.method === 'GET' && name === 'event-ca.cer')
      send(res, 200, 'application/pkix-cert', pki.eventCaCertificate);
    else if (req.method === 'GET' && name === 'root.crl') send(res, 200, 'application/pkix-crl', await pki.crl('root'));
    else if (req.method === 'GET' && name === 'event-ca.crl')
      send(res, 200, 'application/pkix-crl', await pki.crl('event-ca'));
    else if (req.method === 'GET' && name.startsWith('ocsp/')) {
      const der = new Uint8Array(Buffer.from(decodeURIComponent(name.slice(5)), 'base64'));
      send(res, 200, 'application/ocsp-response', await pki.ocspRespond(der));
    } else if (req.method === 'POST' && (name === 'ocsp' || name === 'tsa')) {
      const body = await readBody(req);
      if (!body) send(res, 413, 'text/plain', 'request too large');
      else if (name === 'ocsp') send(res, 200, 'application/ocsp-response', await pki.ocspRespond(body));
      else if (req.headers['content-type'] !== 'application/timestamp-query')
        send(res, 415, 'text/plain', 'expected application/timestamp-query');
      else send(res, 200, 'application/timestamp-reply', await pki.tsaRespond(body));
    } else send(res, 404, 'text/plain', 'not found');
    return true;
  };
}

/** Just the RFC 3161 endpoint, for a standalone TSA. */
export function createTsaHttpHandler(respond: (requestDer: Uint8Array) => Promise<Uint8Array>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
    if (req.headers['content-type'] !== 'application/timestamp-query') {
      return send(res, 415, 'text/plain', 'expected application/timestamp-query');
    }
    const body = await readBody(req);
    if (!body) return send(res, 413, 'text/plain', 'request too large');
    send(res, 200, 'application/timestamp-reply', await respond(body));
  };
}
