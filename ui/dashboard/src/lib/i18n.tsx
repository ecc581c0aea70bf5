import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from '../messages/en';
import { vi, type MessageKey, type Messages } from '../messages/vi';

export type Locale = 'vi' | 'en';
const MESSAGES: Record<Locale, Messages> = { vi, en };
/** Intl locale tags: day before month in both, as Vietnamese readers expect. */
const TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
/** Every instant is shown in Vietnam time, wherever the browser is. */
export const VIETNAM_TIME = 'Asia/Ho_Chi_Minh';
// Not a secret (unlike the token), so the choice outlives the tab.
const LOCALE_KEY = 'vss.dashboard.locale';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message, with each `{name}` replaced by vars[name]. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A message for an enum value (`status.RECEIVED`), or the value itself when no message names it. */
  label(prefix: string, value: string): string;
  integer(n: number): string;
  share(n: number | null | undefined): string;
  days(n: number | null | undefined): string;
  /** An instant (ISO), in Vietnam time. */
  dateTime(iso: string | null | undefined): string;
  /** A calendar day (YYYY-MM-DD), which has no time zone. */
  day(ymd: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = MESSAGES[locale]['app.title'];
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[locale];
    const tag = TAGS[locale];
    const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
    const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
    const days = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    const dateTime = new Intl.DateTimeFormat(tag, { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    const day = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
    const none = messages['common.none'];
    const t: I18n['t'] = (key, vars) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
    return {
      locale,
      setLocale(next) {
        localStorage.setItem(LOCALE_KEY, next);
        setLocaleState(next);
      },
      t,
      label: (prefix, value) => (Object.hasOwn(messages, `${prefix}.${value}`) ? messages[`${prefix}.${value}` as MessageKey] : value),
      integer: (n) => integer.format(n),
      share: (n) => (n == null ? none : share.format(n)),
      days: (n) => (n == null ? none : days.format(n)),
      dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : none),
      // A calendar day is formatted as midnight UTC in UTC, so no zone shifts it to the day before.
      day: (ymd) => day.format(new Date(`${ymd}T00:00:00Z`)),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
