/** The loading and error states every page shares, for its queries. */
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from './api-client';
import { useI18n } from './i18n';
import { PageLoading } from './page-loading';
import { isClientError } from './query-client';

/** The error of a failed query, in the current language, with a retry where retrying can help. */
export function QueryError({ error, onRetry, notFoundTitle }: { error: unknown; onRetry?: () => void; notFoundTitle?: string }) {
  const { msg, t } = useI18n();
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={notFoundTitle ?? msg(error.localized)} />;
  }
  const text = error instanceof ApiError ? msg(error.localized) : String(error);
  return (
    <Alert
      type="error"
      showIcon
      title={text}
      data-testid="query-error"
      action={
        onRetry && !isClientError(error) ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/**
 * Renders a query's data once it is there; until then the shared spinner, and on failure the shared
 * error. `loading` replaces the spinner where a page wants a lighter placeholder.
 */
export function QueryState<T>({
  query,
  children,
  loading,
  notFoundTitle,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loading?: ReactNode;
  notFoundTitle?: string;
}) {
  if (query.isPending) return <>{loading ?? <PageLoading />}</>;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} notFoundTitle={notFoundTitle} />;
  return <>{children(query.data)}</>;
}
