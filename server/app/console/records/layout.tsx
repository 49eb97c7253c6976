import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { getAppContext } from '../../../src/app-context';
import { translate } from '../../../src/i18n/messages';
import { findSession, SESSION_COOKIE } from '../../../src/services/auth/sessions';
import { mayReadRecords } from '../../../src/services/records/require-records-session';

export const dynamic = 'force-dynamic';

/** Records views are for the records department (and admin); other staff see a 403 notice, no data is fetched. */
export default async function RecordsLayout({ children }: { children: ReactNode }) {
  const jar = await cookies();
  const app = await getAppContext();
  const token = jar.get(SESSION_COOKIE)?.value;
  const session = token ? await findSession(app, token) : null;
  if (!session || !mayReadRecords(session.roles)) {
    const lang = jar.get('lang')?.value === 'en' ? 'en' : 'zh';
    return (
      <div className="alert" role="alert" data-testid="records-forbidden" data-status="403">
        {translate(lang, 'records.forbidden')}
      </div>
    );
  }
  return <>{children}</>;
}
