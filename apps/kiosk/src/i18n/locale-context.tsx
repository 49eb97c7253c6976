import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { type Locale, MESSAGES, type MessageKey } from './messages';

interface LocaleValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey) => string;
  /** Picks the current language from a `{ zh, en }` pair sent by the server. */
  pick: (text: { zh: string; en: string }) => string;
}

const LocaleContext = createContext<LocaleValue | undefined>(undefined);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>('zh');
  const value = useMemo<LocaleValue>(
    () => ({
      locale,
      setLocale,
      t: (key) => MESSAGES[key][locale],
      pick: (text) => text[locale] || text.zh,
    }),
    [locale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
