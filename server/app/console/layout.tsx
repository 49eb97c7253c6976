import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getAppContext } from '../../src/app-context';
import type { Lang } from '../../src/i18n/messages';
import { findSession, SESSION_COOKIE } from '../../src/services/auth/sessions';
import { ConsoleNav } from '../../src/ui/console-nav';
import { Providers } from '../../src/ui/providers';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const jar = await cookies();
  await headers();
  const app = await getAppContext();
  const token = jar.get(SESSION_COOKIE)?.value;
  const session = token ? await findSession(app, token) : null;
  if (!session) redirect('/login');
  const lang: Lang = jar.get('lang')?.value === 'en' ? 'en' : 'zh';
  return (
    <Providers lang={lang}>
      <ConsoleNav displayName={session.displayName} roles={session.roles} />
      <main>{children}</main>
    </Providers>
  );
}
