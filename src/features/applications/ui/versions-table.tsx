/** The saved versions of the plan; each opens read-only. */
import { Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, type PlanVersionItem } from '../../../web/api';
import { useI18n, type MessageKey } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { formatDateTime } from '../../../web/lib/format';
import { Link } from '../../../web/router';

export const VERSION_KIND_KEYS: Record<string, MessageKey> = {
  create: 'versionKind.create',
  import: 'versionKind.import',
  save: 'versionKind.save',
  submitted: 'versionKind.submitted',
};

export function VersionsTable({ applicationId, refreshKey }: { applicationId: string; refreshKey: number }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [items, setItems] = useState<PlanVersionItem[] | null>(null);

  useEffect(() => {
    let alive = true;
    api.versions(applicationId).then(
      (r) => alive && setItems(r.items),
      (err: unknown) => alive && showError(err),
    );
    return () => {
      alive = false;
    };
  }, [applicationId, refreshKey, showError]);

  return (
    <Table<PlanVersionItem>
      rowKey="id"
      size="small"
      loading={!items}
      dataSource={items ?? []}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      data-testid="versions-table"
      columns={[
        {
          title: t('versions.version'),
          dataIndex: 'version',
          width: 90,
          render: (v: number, r) => (
            <Link to={`/applications/${applicationId}/versions/${r.id}`} data-testid={`version-link-${v}`}>
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
