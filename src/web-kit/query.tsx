/** The loading and error states every page shares, for its queries. */
import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { PageLoading } from './page-loading';

const QueryErrorView = lazy(() => import('./query-error'));

/** The error of a failed query, in the current language, with a retry where retrying can help. */
export function QueryError(props: { error: unknown; onRetry?: () => void; notFoundTitle?: string }) {
  return (
    <Suspense fallback={null}>
      <QueryErrorView {...props} />
    </Suspense>
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
