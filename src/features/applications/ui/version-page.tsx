/** One saved version of the plan, read-only. */
import { ArrowLeftOutlined, HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert } from 'antd';
import { formatDateTime } from '../../../web-kit/format';
import { PageLoading } from '../../../web-kit/page-loading';
import { QueryError } from '../../../web-kit/query';
import { applicationsQueries } from './applications-queries';
import { useI18n } from './i18n';
import { PlanDocument } from './plan-document';
import { VERSION_KIND_KEYS } from './versions-table';

export default function VersionPage({ id, versionId }: { id: string; versionId: string }) {
  const { t } = useI18n();
  const version = useQuery(applicationsQueries.version(id, versionId));

  const back = (
    <Link to="/applications/$id" params={{ id }} search={{ tab: 'versions' }} data-testid="link-back">
      <ArrowLeftOutlined /> {t('version.back')}
    </Link>
  );

  if (version.isError) {
    return (
      <div className="page">
        <QueryError error={version.error} onRetry={() => void version.refetch()} />
        {back}
      </div>
    );
  }
  if (!version.data) return <PageLoading />;
  const data = version.data;

  const kind = VERSION_KIND_KEYS[data.kind] ? t(VERSION_KIND_KEYS[data.kind]!) : data.kind;
  return (
    <div className="page" data-testid="version-page">
      <div className="page-head">
        <h1 className="page-title">
          <HistoryOutlined /> {t('version.title', { n: data.version })}
        </h1>
        {back}
      </div>
      <Alert
        type="info"
        showIcon
        className="block-gap"
        title={t('version.readOnly', { kind, time: formatDateTime(data.createdAt) })}
        data-testid="version-readonly"
      />
      <div className="panel">
        <PlanDocument plan={data.plan} />
      </div>
    </div>
  );
}
