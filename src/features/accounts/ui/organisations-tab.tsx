/** The organisations: kind, division, review authority and how many users each has; new ones are created here. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Table, Tooltip, type ButtonProps, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/permissions/account-rules';
import { DemoTag } from '../../../web-kit/status-tag';
import { useI18n } from './i18n';
import { formatDateTime } from '../../../web-kit/format';
import { useAuthorities } from '../../reference/ui/public';
import type { AdminOrganisation, AdminUser } from '../accounts.contract';
import { useDivisionName } from './division-name';
import { NewOrganisationModal } from './new-organisation-modal';

interface Props {
  orgs: AdminOrganisation[] | null;
  users: AdminUser[] | null;
  /** The system administrator creates organisations; the security administrator does not. */
  canCreate: boolean;
}

export function OrganisationsTab({ orgs, users, canCreate }: Props) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const authorities = useAuthorities();
  const divisionName = useDivisionName();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);

  const userCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const u of users ?? []) counts.set(u.organisationId, (counts.get(u.organisationId) ?? 0) + 1);
    return counts;
  }, [users]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!orgs || !q) return orgs ?? [];
    return orgs.filter((o) => o.name.toLowerCase().includes(q) || divisionName(o.divisionCode).includes(q) || o.divisionCode.startsWith(q));
  }, [orgs, search, divisionName]);

  const columns: TableColumnsType<AdminOrganisation> = [
    {
      title: t('admin.orgs.name'),
      dataIndex: 'name',
      render: (v: string, o) => (
        <span>
          {v} {o.isDemo && <DemoTag />}
        </span>
      ),
    },
    {
      title: t('admin.orgs.kind'),
      dataIndex: 'kind',
      width: 190,
      filters: ORGANISATION_KINDS.map((k) => ({ text: l(ORGANISATION_KIND_LABELS[k]), value: k })),
      onFilter: (value, o) => o.kind === value,
      render: (k: OrganisationKind) => l(ORGANISATION_KIND_LABELS[k]) || k,
    },
    {
      title: t('admin.orgs.division'),
      dataIndex: 'divisionCode',
      width: 200,
      render: (code: string) => (
        <span>
          {divisionName(code)} <span className="muted mono">{code}</span>
        </span>
      ),
    },
    {
      title: t('admin.orgs.authority'),
      dataIndex: 'authorityId',
      width: 170,
      render: (id: string | null) => {
        if (!id) return <span className="muted">—</span>;
        const a = authorities?.get(id);
        return <Tooltip title={a?.label}>{a?.name ?? id}</Tooltip>;
      },
    },
    { title: t('admin.orgs.users'), key: 'users', width: 80, align: 'center', render: (_v, o) => userCounts.get(o.id) ?? 0 },
    { title: t('admin.orgs.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <div className="panel-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('admin.orgs.search')}
          style={{ width: 300 }}
          data-testid="orgs-search"
        />
        <span style={{ flex: 1 }} />
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="btn-new-org">
            {t('admin.orgs.new')}
          </Button>
        )}
      </div>
      <Table<AdminOrganisation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={!orgs}
        data-testid="orgs-table"
        locale={{ emptyText: t('admin.orgs.empty') }}
        onRow={(o) => ({ 'data-testid': `org-row-${o.name}` }) as ButtonProps}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('admin.orgs.total', { n }) }}
      />
      <NewOrganisationModal
        open={open}
        onClose={() => setOpen(false)}
        onCreated={(name) => {
          setOpen(false);
          void message.success(t('newOrg.created', { name }));
        }}
      />
    </>
  );
}
