/**
 * Account administration (账号管理) for the platform administrator: the users with their status and
 * the actions on them, and the organisations they belong to. Both lists are loaded once and reloaded
 * after every change; the tab is kept in the URL (?tab=orgs).
 */
import { Result, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { setQuery, useQuery } from '../../../web/router';
import { useMe } from '../../../web/session';
import { useAdminApi, type AdminOrganisation, type AdminUser } from './admin-api';
import { OrganisationsTab } from './organisations-tab';
import { UsersTab } from './users-tab';

export default function AdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const admin = useAdminApi();
  const showError = useShowError();
  const query = useQuery();
  const tab = query.get('tab') === 'orgs' ? 'orgs' : 'users';
  const allowed = me.permissions.includes('user.manage');

  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [orgs, setOrgs] = useState<AdminOrganisation[] | null>(null);

  const loadUsers = useCallback(
    () =>
      admin.users().then(
        (r) => setUsers(r.items),
        (err: unknown) => showError(err),
      ),
    [admin, showError],
  );
  const loadOrgs = useCallback(
    () =>
      admin.organisations().then(
        (r) => setOrgs(r.items),
        (err: unknown) => showError(err),
      ),
    [admin, showError],
  );

  useEffect(() => {
    if (!allowed) return;
    void loadUsers();
    void loadOrgs();
  }, [allowed, loadUsers, loadOrgs]);

  if (!allowed) {
    return (
      <div className="page">
        <Result status="403" title={t('admin.noAccess')} />
      </div>
    );
  }

  return (
    <div className="page" data-testid="admin-page">
      <div className="page-head">
        <div>
          <h1 className="page-title" data-testid="page-title">
            {t('admin.title')}
          </h1>
          <div className="muted">{t('admin.subtitle')}</div>
        </div>
      </div>
      <div className="panel">
        <Tabs
          activeKey={tab}
          onChange={(k) => setQuery({ tab: k === 'orgs' ? 'orgs' : undefined })}
          items={[
            {
              key: 'users',
              label: (
                <span data-testid="tab-users">
                  {t('admin.tab.users')}
                  {users ? <span className="muted"> ({users.length})</span> : null}
                </span>
              ),
              children: <UsersTab users={users} orgs={orgs} meId={me.user.id} onChanged={loadUsers} />,
            },
            {
              key: 'orgs',
              label: (
                <span data-testid="tab-orgs">
                  {t('admin.tab.orgs')}
                  {orgs ? <span className="muted"> ({orgs.length})</span> : null}
                </span>
              ),
              children: <OrganisationsTab orgs={orgs} users={users} onChanged={loadOrgs} />,
            },
          ]}
        />
      </div>
    </div>
  );
}
