import { useI18n, type Locale } from './i18n';

const LANGUAGES: { label: string; value: Locale }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en-US' },
];

/**
 * The interface language: two toggle buttons (aria-pressed) in a labelled group, drawn in CSS
 * (styles.css), on the sign-in page and in the shell's top bar.
 */
export function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="locale-switch" role="group" aria-label={t('common.language')} data-testid="locale-switch">
      {LANGUAGES.map((o) => (
        <button key={o.value} type="button" lang={o.value} aria-pressed={locale === o.value} onClick={() => setLocale(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
