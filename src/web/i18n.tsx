/**
 * Interface language: zh-CN first, en-US second. One dictionary of every UI string, a context
 * with the chosen locale (kept in localStorage), and hooks: useT() for dictionary strings,
 * useI18n() for the locale, shared {zh,en} labels and the API's {zh-CN,en-US} messages.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DICT } from './i18n-dict';

export type Locale = 'zh-CN' | 'en-US';
export interface Label {
  zh: string;
  en: string;
}
export type MessageKey = keyof typeof DICT;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

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

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const entry: Label = DICT[key];
  let text = locale === 'zh-CN' ? entry.zh : entry.en;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  return text;
}

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
  /** Picks the current language from a shared {zh, en} label. */
  l: (label: Label | undefined) => string;
  /** Picks the current language from an API message {zh-CN, en-US}. */
  msg: (m: { 'zh-CN': string; 'en-US': string } | undefined) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

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
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      l: (label) => (label ? (locale === 'zh-CN' ? label.zh : label.en) : ''),
      msg: (m) => (m ? m[locale] : ''),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT(): Translate {
  return useI18n().t;
}
