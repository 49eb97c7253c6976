import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBridgeUrl } from './bridge-url';
import { FingerprintError } from './fingerprint-error';
import { LocalBridgeFingerprintReader } from './local-bridge-reader';
import { buildBmp, buildGreyPng } from './test-images';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback capture bridge whose answers each test scripts. */
let handler: Handler = (_, res) => res.writeHead(500).end();
const seen: { method: string; url: string; cookie?: string; referer?: string; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    seen.push({
      method: req.method!,
      url: req.url!,
      body,
      ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
      ...(req.headers.referer ? { referer: req.headers.referer } : {}),
    });
    handler(req, res);
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fingerprint`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const png = buildGreyPng(64, 80);
const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return 'NONE';
  } catch (error) {
    return error instanceof FingerprintError ? error.code : String(error);
  }
}

describe('parseBridgeUrl', () => {
  it('accepts loopback http(s) only, without credentials, query or fragment', () => {
    expect(parseBridgeUrl(' http://127.0.0.1:17321/fingerprint/ ')).toBe('http://127.0.0.1:17321/fingerprint');
    expect(parseBridgeUrl('https://localhost:8443')).toBe('https://localhost:8443');
    for (const bad of [
      'http://[::1]:9000/fp',
      'http://192.168.1.20:17321',
      'http://reader.example.com',
      'ftp://127.0.0.1/x',
      'http://user:pw@127.0.0.1:1',
      'http://127.0.0.1:1/?a=1',
      'not a url',
    ])
      expect(() => parseBridgeUrl(bad), bad).toThrow(FingerprintError);
  });
});

describe('LocalBridgeFingerprintReader', () => {
  it('reads the status, then captures a PNG, telling the bridge how long to wait; no cookies, no referrer', async () => {
    handler = (req, res) => {
      if (req.url === '/fingerprint/status')
        json(res, 200, { model: 'ZK Live20R', vendor: 'ZKTeco', ready: true, dpi: 500 });
      else res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    };
    seen.length = 0;
    const reader = new LocalBridgeFingerprintReader({ baseUrl: base, now: () => 1_795_000_000_000 });
    expect(await reader.status()).toEqual({ model: 'ZK Live20R', vendor: 'ZKTeco', ready: true, dpi: 500 });
    const image = await reader.capture({ timeoutMs: 15_000 });
    expect(image).toMatchObject({
      width: 64,
      height: 80,
      sourceMediaType: 'image/png',
      device: { model: 'ZK Live20R', vendor: 'ZKTeco' },
      capturedAt: 1_795_000_000_000,
    });
    expect(image.png).toEqual(png);
    expect(seen.map((s) => [s.method, s.url, s.body, s.cookie, s.referer])).toEqual([
      ['GET', '/fingerprint/status', '', undefined, undefined],
      ['POST', '/fingerprint/capture?timeoutMs=15000', '', undefined, undefined],
    ]);
  });

  it('takes JSON with a base64 BMP (converted to PNG) and the model and quality the bridge reports', async () => {
    const bmp = buildBmp({
      width: 16,
      height: 20,
      bpp: 8,
      palette: Array.from({ length: 256 }, (_, i): [number, number, number] => [i, i, i]),
      pixel: (x, y) => (x * 13 + y * 7) % 256,
    });
    handler = (_, res) =>
      json(res, 200, { imageBase64: Buffer.from(bmp).toString('base64'), model: 'URU4500', quality: 82 });
    const image = await new LocalBridgeFingerprintReader({ baseUrl: base }).capture();
    expect(image).toMatchObject({ width: 16, height: 20, sourceMediaType: 'image/bmp', quality: 82 });
    expect(image.device).toEqual({ model: 'URU4500' });
    expect([...image.png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('maps the bridge answers to codes: no finger, busy, not a bridge, bad image, bad JSON', async () => {
    const reader = new LocalBridgeFingerprintReader({ baseUrl: base });
    const cases: [Handler, string][] = [
      [(_, res) => res.writeHead(408).end(), 'TIMEOUT'],
      [(_, res) => res.writeHead(504).end(), 'TIMEOUT'],
      [(_, res) => res.writeHead(503).end(), 'NOT_READY'],
      [(_, res) => res.writeHead(409).end(), 'NOT_READY'],
      [(_, res) => res.writeHead(404).end(), 'BAD_RESPONSE'],
      [(_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not an image</html>'), 'BAD_IMAGE'],
      [(_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png.subarray(0, 100)), 'BAD_IMAGE'],
      [(_, res) => json(res, 200, { imageBase64: '***' }), 'BAD_IMAGE'],
      [(_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{oops'), 'BAD_RESPONSE'],
    ];
    for (const [h, code] of cases) {
      handler = h;
      expect(await codeOf(reader.capture()), code).toBe(code);
    }
    handler = (_, res) => json(res, 200, { ready: true });
    expect(await codeOf(reader.status())).toBe('BAD_RESPONSE');
    handler = (_, res) => res.writeHead(404).end();
    expect(await codeOf(reader.status())).toBe('NOT_CONNECTED');
  });

  it('reports NOT_CONNECTED when nothing listens, TIMEOUT past the deadline, ABORTED when cancelled', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nobody = new LocalBridgeFingerprintReader({ baseUrl: `http://127.0.0.1:${port}` });
    expect(await codeOf(nobody.status())).toBe('NOT_CONNECTED');
    expect(await codeOf(nobody.capture())).toBe('NOT_CONNECTED');

    // The bridge never answers: the capture gives up after the finger wait plus a grace period.
    handler = () => undefined;
    const reader = new LocalBridgeFingerprintReader({ baseUrl: base });
    const started = Date.now();
    expect(await codeOf(reader.capture({ timeoutMs: 1000 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(3900);
    expect(await codeOf(reader.status({ timeoutMs: 200 }))).toBe('NOT_CONNECTED');

    const controller = new AbortController();
    const pending = codeOf(reader.capture({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBe('ABORTED');
    controller.abort();
    expect(await codeOf(reader.capture({ signal: controller.signal }))).toBe('ABORTED');
  });
});
