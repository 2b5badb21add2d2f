/** The saved versions of the plan; each opens read-only. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Table } from 'antd';
import { formatDateTime } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import type { PlanVersionItem } from '../applications.contract';
import { applicationsQueries } from './applications-queries';
import { useI18n, type MessageKey } from './i18n';

export const VERSION_KIND_KEYS: Record<string, MessageKey> = {
  create: 'versionKind.create',
  import: 'versionKind.import',
  save: 'versionKind.save',
  submitted: 'versionKind.submitted',
};

/** Refreshed whenever the application changes (its queries share one key). */
export function VersionsTable({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const versions = useQuery(applicationsQueries.versions(applicationId));

  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <Table<PlanVersionItem>
      rowKey="id"
      size="small"
      loading={versions.isPending}
      dataSource={versions.data?.items ?? []}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      data-testid="versions-table"
      columns={[
        {
          title: t('versions.version'),
          dataIndex: 'version',
          width: 90,
          render: (v: number, r) => (
            <Link to="/applications/$id/versions/$versionId" params={{ id: applicationId, versionId: r.id }} data-testid={`version-link-${v}`}>
              {t('versions.vN', { n: v })}
            </Link>
          ),
        },
        { title: t('versions.kind'), dataIndex: 'kind', width: 140, render: (k: string) => (VERSION_KIND_KEYS[k] ? t(VERSION_KIND_KEYS[k]) : k) },
        { title: t('versions.round'), dataIndex: 'round', width: 100, render: (n: number) => (n > 0 ? t('app.roundN', { n }) : '—') },
        { title: t('versions.author'), dataIndex: 'authorName', render: (v: string | null) => v ?? '—' },
        { title: t('versions.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
