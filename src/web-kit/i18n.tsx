/**
 * Interface language: zh-CN first, en-US second. The locale lives in one context (kept in
 * localStorage); each feature keeps its own messages beside its UI and gets a typed t() from
 * createI18n(messages), which also reads the common messages of the kit.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { messages as COMMON } from './messages';

export type Locale = 'zh-CN' | 'en-US';
export interface Label {
  zh: string;
  en: string;
}
export type Messages = Record<string, Label>;
export type Vars = Record<string, string | number>;
/** The keys every part's t() accepts. */
export type CommonKey = keyof typeof COMMON & string;
/** The keys a feature's t() accepts: its own and the common ones. */
export type MessageKeyOf<M extends Messages> = (keyof M & string) | CommonKey;

/** Declares a message table; `const` keeps the keys literal so t() is typed. */
export function defineMessages<const M extends Messages>(messages: M): M {
  return messages;
}

const STORAGE_KEY = 'mic2025.locale';

function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // storage may be unavailable (private mode); fall back to Chinese
  }
  return 'zh-CN';
}

export function translate(table: Messages, locale: Locale, key: string, vars?: Vars): string {
  const entry = table[key] ?? (COMMON as Messages)[key];
  if (!entry) return key;
  let text = locale === 'zh-CN' ? entry.zh : entry.en;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  return text;
}

interface LocaleValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
}

const LocaleContext = createContext<LocaleValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      window.localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not persisted; the choice still holds for this page
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside I18nProvider');
  return v;
}

export interface I18n<K extends string> extends LocaleValue {
  t: (key: K, vars?: Vars) => string;
  /** Picks the current language from a shared {zh, en} label. */
  l: (label: Label | undefined) => string;
  /** Picks the current language from an API message {zh-CN, en-US}. */
  msg: (m: { 'zh-CN': string; 'en-US': string } | undefined) => string;
}

/** A feature's hooks over its own message table (plus the common one). */
export function createI18n<M extends Messages>(messages: M) {
  type K = MessageKeyOf<M>;
  function useI18n(): I18n<K> {
    const { locale, setLocale } = useLocale();
    return useMemo(
      () => ({
        locale,
        setLocale,
        t: (key: K, vars?: Vars) => translate(messages, locale, key, vars),
        l: (label: Label | undefined) => (label ? (locale === 'zh-CN' ? label.zh : label.en) : ''),
        msg: (m: { 'zh-CN': string; 'en-US': string } | undefined) => (m ? m[locale] : ''),
      }),
      [locale, setLocale],
    );
  }
  return { useI18n, useT: () => useI18n().t };
}

/** The kit's own components read only the common messages. */
export const { useI18n, useT } = createI18n({});
