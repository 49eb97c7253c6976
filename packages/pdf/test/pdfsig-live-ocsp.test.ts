import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BuiltinPki, createBuiltinPki } from '@inkproof/pki';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signPdf } from '../src/index.js';
import { createNssDb } from './support/tools.js';
import { readVector } from './support/vectors.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

/**
 * pdfsig checks revocation by live OCSP only (STANDARDS.md): with the built-in responder served on loopback,
 * it reports the event certificate trusted without `-no-ocsp`.
 */
describe('pdfsig with a live loopback OCSP responder', () => {
  let server: Server;
  let pki: BuiltinPki;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}`);
        const url = req.url ?? '';
        const answer = url.startsWith('/pki/ocsp')
          ? pki.ocspRespond(
              req.method === 'POST'
                ? new Uint8Array(Buffer.concat(chunks))
                : new Uint8Array(Buffer.from(decodeURIComponent(url.slice('/pki/ocsp/'.length)), 'base64')),
            )
          : url.endsWith('.crl')
            ? pki.crl(url.includes('root') ? 'root' : 'event-ca')
            : Promise.reject(new Error('not found'));
        answer.then(
          (der) => {
            res.writeHead(200, {
              'content-type': url.endsWith('.crl') ? 'application/pkix-crl' : 'application/ocsp-response',
            });
            res.end(Buffer.from(der));
          },
          () => {
            res.writeHead(404);
            res.end();
          },
        );
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    pki = await createBuiltinPki({
      dir: join(mkdtempSync(join(tmpdir(), 'pdf-ocsp-')), 'pki'),
      publicBaseUrl: `http://127.0.0.1:${port}`,
    });
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('reports "Signature is Valid" and "Certificate is Trusted" after asking our responder', async () => {
    const cred = await pki.issueEventCertificate({ name: '张三', role: 'patient' });
    const signed = await signPdf(readVector('signer-input/minimal-two-fields.pdf'), {
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
      level: 'B-LTA',
      tsa: pki.tsa,
      revocation: (c) => pki.revocationData(c),
      placement: { field: 'Sig1' },
    });
    await cred.destroy();
    const dir = mkdtempSync(join(tmpdir(), 'pdf-ocsp-out-'));
    writeFileSync(join(dir, 'root.pem'), pki.rootPem);
    writeFileSync(join(dir, 'x.pdf'), signed);
    const nss = createNssDb(join(dir, 'root.pem'));
    // Asynchronous on purpose: the responder runs in this process.
    const { stdout } = await promisify(execFile)('pdfsig', ['-nssdir', `sql:${nss}`, join(dir, 'x.pdf')]);
    const sig1 = stdout.split(/^Signature #\d+:$/m).find((b) => b.includes('Field Name: Sig1'))!;
    expect(sig1).toMatch(/Signature Validation: Signature is Valid\./);
    expect(sig1).toMatch(/Certificate Validation: Certificate is Trusted\./);
    expect(requests.some((r) => r.includes('/pki/ocsp'))).toBe(true);
  });
});
