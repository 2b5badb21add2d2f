/** A failed query's message (QueryError in query.tsx), in its own chunk: most pages load without ever showing it. */
import { Alert, Button, Result } from 'antd';
import { ApiError } from './api-client';
import { useI18n } from './i18n';
import { isClientError } from './query-client';

export default function QueryErrorView({ error, onRetry, notFoundTitle }: { error: unknown; onRetry?: () => void; notFoundTitle?: string }) {
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
