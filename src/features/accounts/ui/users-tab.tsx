/**
 * The users: who they are, where they belong, their role and status, and what the administrator can
 * do to them (deactivate / activate, unlock, reset the password); a new user is created from here.
 */
import { KeyOutlined, LogoutOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table, Tag, Tooltip, type ButtonProps, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles/roles';
import { useI18n } from './i18n';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import type { AdminOrganisation, AdminUser, UserChange } from '../accounts.contract';
import { useResetSecondFactor, useRevokeSessions, useUpdateUser } from './accounts-queries';
import { NewUserModal } from './new-user-modal';
import { ResetPasswordModal } from './reset-password-modal';

interface Props {
  users: AdminUser[] | null;
  orgs: AdminOrganisation[] | null;
  /** Marks the administrator's own row; what may be done with a row comes from its abilities. */
  meId: string;
  /** The system administrator creates users; the security administrator does not. */
  canCreate: boolean;
}

export function UsersTab({ users, orgs, meId, canCreate }: Props) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const updateUser = useUpdateUser();
  const revokeSessions = useRevokeSessions();
  const resetSecondFactor = useResetSecondFactor();
  const showError = useShowError();
  const [search, setSearch] = useState('');
  const [modal, setModal] = useState<'new' | 'reset' | null>(null);
  const [resetUser, setResetUser] = useState<AdminUser | null>(null);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!users || !q) return users ?? [];
    return users.filter((u) => [u.username, u.displayName, u.organisationName].some((s) => s.toLowerCase().includes(q)));
  }, [users, search]);

  const change = async (u: AdminUser, change: UserChange, done: string) => {
    try {
      await updateUser.mutateAsync({ id: u.id, change });
      void message.success(done);
    } catch (err) {
      showError(err);
    }
  };

  const statusOf = (u: AdminUser) => (
    <Space size={4} wrap data-testid={`user-status-${u.username}`} data-active={String(u.active)} data-locked={String(u.locked)}>
      {u.active ? <Tag color="green">{t('admin.status.active')}</Tag> : <Tag color="default">{t('admin.status.inactive')}</Tag>}
      {u.locked && (
        <Tooltip title={t('admin.status.lockedUntil', { n: u.failedLogins, time: formatDateTime(u.lockedUntil) })}>
          <Tag color="orange">{t('admin.status.locked')}</Tag>
        </Tooltip>
      )}
    </Space>
  );

  const actionsOf = (u: AdminUser) => {
    const busy = updateUser.isPending && updateUser.variables.id === u.id;
    const may = (a: AdminUser['abilities'][number]) => u.abilities.includes(a);
    const name = `${u.displayName}（${u.username}）`;
    return (
      <Space size={0}>
        {u.active && !may('disable') && u.id === meId && (
          // An active account that may not be deactivated is the administrator's own.
          <Tooltip title={t('admin.cannotDeactivateSelf')}>
            <Button type="link" size="small" icon={<StopOutlined />} disabled data-testid={`btn-deactivate-${u.username}`}>
              {t('admin.action.deactivate')}
            </Button>
          </Tooltip>
        )}
        {may('disable') && (
          <Popconfirm
            title={t('admin.deactivateConfirm', { name })}
            okText={t('admin.action.deactivate')}
            okButtonProps={{ danger: true, 'data-testid': 'btn-deactivate-confirm' } as ButtonProps}
            onConfirm={() => change(u, { active: false }, t('admin.deactivated', { name }))}
          >
            <Button type="link" size="small" danger icon={<StopOutlined />} loading={busy} data-testid={`btn-deactivate-${u.username}`}>
              {t('admin.action.deactivate')}
            </Button>
          </Popconfirm>
        )}
        {may('enable') && (
          <Button
            type="link"
            size="small"
            icon={<CheckCircleOutlined />}
            loading={busy}
            onClick={() => void change(u, { active: true }, t('admin.activated', { name }))}
            data-testid={`btn-activate-${u.username}`}
          >
            {t('admin.action.activate')}
          </Button>
        )}
        {may('unlock') && (
          <Button
            type="link"
            size="small"
            icon={<UnlockOutlined />}
            loading={busy}
            onClick={() => void change(u, { unlock: true }, t('admin.unlocked', { name }))}
            data-testid={`btn-unlock-${u.username}`}
          >
            {t('admin.action.unlock')}
          </Button>
        )}
        {may('revokeSessions') && (
          <Popconfirm
            title={t('admin.revokeConfirm', { name })}
            okText={t('admin.action.revoke')}
            okButtonProps={{ danger: true, 'data-testid': 'btn-revoke-confirm' } as ButtonProps}
            onConfirm={async () => {
              try {
                const res = await revokeSessions.mutateAsync(u.id);
                void message.success(t('admin.revoked', { name, n: res.ended }));
              } catch (err) {
                showError(err);
              }
            }}
          >
            <Button type="link" size="small" danger icon={<LogoutOutlined />} loading={revokeSessions.isPending && revokeSessions.variables === u.id} data-testid={`btn-revoke-${u.username}`}>
              {t('admin.action.revoke')}
            </Button>
          </Popconfirm>
        )}
        {may('resetSecondFactor') && (
          <Popconfirm
            title={t('users.resetTotpConfirm')}
            okButtonProps={{ danger: true, 'data-testid': 'btn-reset-totp-confirm' } as ButtonProps}
            onConfirm={async () => {
              try {
                await resetSecondFactor.mutateAsync(u.id);
                void message.success(t('users.resetTotpDone'));
              } catch (err) {
                showError(err);
              }
            }}
          >
            <Button type="link" size="small" danger data-testid={`btn-reset-totp-${u.username}`}>
              {t('users.resetTotp')}
            </Button>
          </Popconfirm>
        )}
        {may('resetPassword') && (
          <Button
            type="link"
            size="small"
            icon={<KeyOutlined />}
            onClick={() => {
              setResetUser(u);
              setModal('reset');
            }}
            data-testid={`btn-reset-${u.username}`}
          >
            {t('admin.action.reset')}
          </Button>
        )}
      </Space>
    );
  };

  const columns: TableColumnsType<AdminUser> = [
    {
      title: t('admin.users.username'),
      dataIndex: 'username',
      width: 150,
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (v: string, u) => (
        <span>
          <span className="mono">{v}</span> {u.id === meId && <Tag color="blue">{t('admin.users.you')}</Tag>}
        </span>
      ),
    },
    {
      title: t('admin.users.name'),
      dataIndex: 'displayName',
      render: (v: string, u) => (
        <div>
          <div>{v}</div>
          {u.email && <div className="muted small">{u.email}</div>}
        </div>
      ),
    },
    { title: t('admin.users.org'), dataIndex: 'organisationName', ellipsis: { showTitle: true } },
    {
      title: t('admin.users.role'),
      dataIndex: 'role',
      width: 180,
      filters: ROLES.map((r) => ({ text: l(ROLE_LABELS[r]), value: r })),
      onFilter: (value, u) => u.role === value,
      render: (r: Role) => l(ROLE_LABELS[r]),
    },
    {
      title: t('admin.users.status'),
      key: 'status',
      width: 120,
      filters: [
        { text: t('admin.status.active'), value: 'active' },
        { text: t('admin.status.inactive'), value: 'inactive' },
        { text: t('admin.status.locked'), value: 'locked' },
      ],
      onFilter: (value, u) => (value === 'locked' ? u.locked : value === 'active' ? u.active : !u.active),
      render: (_v, u) => statusOf(u),
    },
    { title: t('admin.users.sessions'), dataIndex: 'sessions', width: 90, align: 'right' },
    { title: t('admin.users.actions'), key: 'actions', width: 260, render: (_v, u) => actionsOf(u) },
  ];

  return (
    <>
      <div className="panel-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('admin.users.search')}
          style={{ width: 340 }}
          data-testid="users-search"
        />
        <span style={{ flex: 1 }} />
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('new')} disabled={!orgs} data-testid="btn-new-user">
            {t('admin.users.new')}
          </Button>
        )}
      </div>
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={!users}
        data-testid="users-table"
        locale={{ emptyText: t('admin.users.empty') }}
        onRow={(u) => ({ 'data-testid': `user-row-${u.username}`, style: u.active ? undefined : { color: 'var(--muted)' } }) as ButtonProps}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('admin.users.total', { n }) }}
      />
      <NewUserModal
        open={modal === 'new'}
        orgs={orgs ?? []}
        onClose={() => setModal(null)}
        onCreated={(name) => {
          setModal(null);
          void message.success(t('newUser.created', { name }));
        }}
      />
      <ResetPasswordModal
        open={modal === 'reset'}
        user={resetUser}
        onClose={() => setModal(null)}
        onDone={(u) => {
          setModal(null);
          void message.success(t('admin.passwordReset', { name: `${u.displayName}（${u.username}）` }));
        }}
      />
    </>
  );
}
