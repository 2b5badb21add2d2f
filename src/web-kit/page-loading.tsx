import { Spin } from 'antd';

/** The one loading state of a page or a lazily loaded route. */
export function PageLoading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin size="large" />
    </div>
  );
}
