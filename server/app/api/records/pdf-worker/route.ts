import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const dynamic = 'force-dynamic';

const WORKER = join('node_modules', 'pdfjs-dist', 'build', 'pdf.worker.min.mjs');

/** Walks up from the working directory (server/ or the repo root) to the hoisted node_modules. */
function findWorker(): string | null {
  let dir = process.cwd();
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, WORKER))) return join(dir, WORKER);
    dir = dirname(dir);
  }
  return null;
}

/** The pdf.js worker, served from our own origin (no CDN): the records viewer sets GlobalWorkerOptions.workerSrc here. */
export async function GET(): Promise<Response> {
  const path = findWorker();
  if (!path) return new Response('pdf.js worker not installed', { status: 404 });
  return new Response(new Uint8Array(await readFile(path)), {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
  });
}
