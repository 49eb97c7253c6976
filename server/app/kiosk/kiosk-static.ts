import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The kiosk page may use the camera and WebHID on this origin only; scripts, workers (pdf.js) and data come
 * from the product itself (no CDN). `wasm-unsafe-eval`: pdf.js image decoders are WebAssembly. Loopback connections:
 * the local fingerprint capture bridge (packages/ink-capture CONTEXT.md), which the kiosk only accepts on loopback.
 */
const HTML_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; font-src 'self' data: blob:; connect-src 'self' http://127.0.0.1:* http://localhost:* https://127.0.0.1:* https://localhost:*; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'permissions-policy': 'camera=(self), hid=(self), microphone=(), geolocation=()',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** `apps/kiosk/dist` relative to the repo root (`npm start` runs there), or to `server/` when started from it. */
export function kioskDistDir(cwd = process.cwd()): string {
  const candidates = [join(cwd, 'apps', 'kiosk', 'dist'), join(cwd, '..', 'apps', 'kiosk', 'dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

const notBuilt = () =>
  new Response(
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Kiosk not built</title>
<body style="font:20px/1.6 system-ui,sans-serif;max-width:42em;margin:10vh auto;padding:0 1em">
<h1>床旁签署应用尚未构建 / The bedside app is not built</h1>
<p>请在仓库根目录运行 <code>npm run build</code>（或 <code>npm run build -w @inkproof/kiosk</code>）后刷新。</p>
<p>Run <code>npm run build</code> (or <code>npm run build -w @inkproof/kiosk</code>) in the repository root, then reload.</p>
</body></html>`,
    {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '30', 'cache-control': 'no-store' },
    },
  );

/** Serves one file of the built kiosk SPA: hashed assets cached for good, other paths fall back to index.html. */
export async function serveKioskFile(request: Request, segments: string[], root = kioskDistDir()): Promise<Response> {
  const relative = normalize(segments.map((s) => decodeURIComponent(s)).join('/'));
  const candidate = join(root, relative);
  if (relative.startsWith('..') || (candidate !== root && !candidate.startsWith(root + sep)))
    return new Response('Not found', { status: 404 });
  let file = candidate;
  let info = await stat(file).catch(() => undefined);
  const isAsset = relative.startsWith(`assets${sep}`) || relative.startsWith('assets/');
  if (!info?.isFile()) {
    // Missing hashed assets are a real 404 (an old page asking for a replaced bundle); routes are the SPA's.
    if (isAsset || extname(relative)) return new Response('Not found', { status: 404 });
    file = join(root, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return notBuilt();
  }
  const isHtml = extname(file) === '.html';
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    etag,
    'last-modified': info.mtime.toUTCString(),
    ...(isHtml
      ? HTML_HEADERS
      : {
          'x-content-type-options': 'nosniff',
          'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        }),
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  headers['content-length'] = String(info.size);
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
