import { serveKioskFile } from '../kiosk-static';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ path?: string[] }> };

/** `/kiosk/**`: the bedside SPA built by `apps/kiosk` (Vite, base `/kiosk/`), streamed from `apps/kiosk/dist`. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { path = [] } = await context.params;
  return serveKioskFile(request, path);
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  const { path = [] } = await context.params;
  return serveKioskFile(request, path);
}
