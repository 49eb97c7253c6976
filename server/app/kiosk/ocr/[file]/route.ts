import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import { listTesseractBrowserAssets } from '@inkproof/idcard';
import type { AppContext } from '../../../../src/app-context';
import { handle } from '../../../../src/http/handle';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.traineddata': 'application/octet-stream',
  // tesseract.js unpacks the model itself: no content-encoding, or the browser would unpack it first.
  '.gz': 'application/gzip',
};

/**
 * The worker script runs under its own response's policy: it may load the core (`importScripts`), compile its
 * WebAssembly and fetch the models, all from this origin only.
 */
const WORKER_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

let served: Map<string, string> | undefined;

/** File name → path of exactly what `listTesseractBrowserAssets` lists (the models from INKPROOF_TESSDATA if set). */
function servedFiles(app: AppContext): Map<string, string> {
  if (served) return served;
  const assets = listTesseractBrowserAssets(app.config.tessdataPath);
  const paths = [assets.workerScript, ...assets.coreFiles, ...assets.trainedData, assets.textTrainedData];
  served = new Map(paths.map((path) => [basename(path), path]));
  return served;
}

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * `/kiosk/ocr/<file>`: tesseract.js's worker, its wasm cores and the models, for the kiosk's on-device ID-card
 * reading (`@inkproof/idcard/browser`) — from the product, never a CDN. Only the listed names are served (a name is
 * looked up, never joined to a path), cached for a week and revalidated by ETag: the files change only with the
 * pinned package versions.
 */
async function serveOcrAsset(app: AppContext, request: Request, { file }: { file: string }): Promise<Response> {
  const path = servedFiles(app).get(file);
  if (path === undefined) return notFound();
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return notFound();
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    // Not immutable: the names carry no version, so after an upgrade a kiosk must pick up the new worker and core
    // within days (ETag revalidation is a cheap 304), while an offline tablet keeps using what it has.
    'cache-control': 'public, max-age=604800, stale-while-revalidate=2592000',
    etag,
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    ...(file === 'worker.min.js' ? { 'content-security-policy': WORKER_CSP } : {}),
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  headers['content-length'] = String(info.size);
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

export const GET = handle<{ file: string }>(serveOcrAsset);
export const HEAD = handle<{ file: string }>(serveOcrAsset);
