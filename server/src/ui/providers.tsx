'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import type { AppRouter } from '../api/trpc/router';
import { type Lang, type MessageKey, translate } from '../i18n/messages';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function readCsrfCookie(): string {
  const match = document.cookie.match(/(?:^|;\s*)inkproof_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]!) : '';
}

const LangContext = createContext<{ lang: Lang; t: (k: MessageKey) => string }>({
  lang: 'zh',
  t: (k) => translate('zh', k),
});
export const useT = () => useContext(LangContext);

export function Providers({ children, lang }: { children: ReactNode; lang: Lang }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000 } } }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: '/api/trpc', headers: () => ({ 'x-csrf-token': readCsrfCookie() }) })],
    }),
  );
  return (
    <LangContext.Provider value={{ lang, t: (k) => translate(lang, k) }}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </LangContext.Provider>
  );
}
