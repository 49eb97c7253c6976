import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '../../../../src/api/trpc/router';
import { getAppContext } from '../../../../src/app-context';
import { clientAddress } from '../../../../src/http/cookies';
import { staffSessionOf } from '../../../../src/http/staff-session';
import { CSRF_HEADER } from '../../../../src/services/auth/sessions';

export const dynamic = 'force-dynamic';

async function handler(request: Request) {
  const app = await getAppContext();
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: async () => ({
      app,
      session: await staffSessionOf(app, request),
      csrfHeader: request.headers.get(CSRF_HEADER),
      address: clientAddress(request),
    }),
  });
}

export { handler as GET, handler as POST };
