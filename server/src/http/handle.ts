import { type AppContext, getAppContext } from '../app-context';
import { problemResponse, toAppError } from './problem';

/** Wraps a route handler: resolves the app context and turns every thrown error into problem+json. */
export function handle<P = Record<string, string>>(
  fn: (app: AppContext, request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let app: AppContext | undefined;
    try {
      app = await getAppContext();
      return await fn(app, request, await context.params);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL')
        app?.log.error({ err: error, path: new URL(request.url).pathname }, 'request failed');
      return problemResponse(appError, new URL(request.url).pathname);
    }
  };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
