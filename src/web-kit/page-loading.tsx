import { useT } from './i18n';

/**
 * The one loading state of a page or a lazily loaded route: a spinner drawn in CSS (styles.css), so the
 * first page of a visit shows it without loading a component library, and a spoken "loading".
 */
export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="page-spinner" aria-hidden />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
