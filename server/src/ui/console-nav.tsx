'use client';

import { readCsrfCookie, useT } from './providers';

export function ConsoleNav({ displayName, roles }: { displayName: string; roles: string[] }) {
  const { t, lang } = useT();
  const switchLanguage = () => {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read on the server
    document.cookie = `lang=${lang === 'zh' ? 'en' : 'zh'}; path=/; max-age=31536000; samesite=strict`;
    location.reload();
  };
  const logout = async () => {
    await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': readCsrfCookie() } });
    location.href = '/login';
  };
  return (
    <header className="top">
      <a className="brand" href="/console">
        {t('app.title')}
      </a>
      <a href="/console">{t('nav.wards')}</a>
      <a href="/console/envelopes">{t('nav.envelopes')}</a>
      <a href="/console/devices">{t('nav.devices')}</a>
      {roles.some((r) => r === 'records' || r === 'admin') && <a href="/console/records">{t('nav.records')}</a>}
      <a href="/verify">{t('nav.verify')}</a>
      <span className="spacer" />
      <span data-testid="whoami">
        {displayName} · {roles.join(', ')}
      </span>
      <button type="button" className="link" onClick={switchLanguage}>
        {t('nav.language')}
      </button>
      <button type="button" className="link" onClick={logout}>
        {t('nav.logout')}
      </button>
    </header>
  );
}
