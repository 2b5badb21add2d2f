/**
 * Account administration (账号管理) for the platform administrator: the users with their status and
 * the actions on them, and the organisations they belong to. Both lists come from the query cache
 * and are fetched again after every change; the tab is kept in the URL (?tab=orgs).
 */
import { useQuery } from '@tanstack/react-query';
import { Result, Tabs } from 'antd';
import { useI18n } from './i18n';
import { QueryError } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import { accountQueries } from './accounts-queries';
import type { AdminSearch } from './admin-search';
import { OrganisationsTab } from './organisations-tab';
import { UsersTab } from './users-tab';

interface Props {
  search: AdminSearch;
  onSearch: (patch: Partial<AdminSearch>) => void;
}

export default function AdminPage({ search, onSearch }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const tab = search.tab === 'orgs' ? 'orgs' : 'users';
  const allowed = me.permissions.includes('user.read');
  // The security administrator sees the same lists, with only their own actions (三权分立).
  const manages = me.permissions.includes('user.manage');

  const usersQuery = useQuery({ ...accountQueries.users(), enabled: allowed });
  const orgsQuery = useQuery({ ...accountQueries.organisations(), enabled: allowed });
  const users = usersQuery.data ?? null;
  const orgs = orgsQuery.data ?? null;

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
            {t(manages ? 'admin.title' : 'admin.security.title')}
          </h1>
          <div className="muted">{t(manages ? 'admin.subtitle' : 'admin.security.subtitle')}</div>
        </div>
      </div>
      <div className="panel">
        <Tabs
          activeKey={tab}
          onChange={(k) => onSearch({ tab: k === 'orgs' ? 'orgs' : undefined })}
          items={[
            {
              key: 'users',
              label: (
                <span data-testid="tab-users">
                  {t('admin.tab.users')}
                  {users ? <span className="muted"> ({users.length})</span> : null}
                </span>
              ),
              children: usersQuery.isError ? (
                <QueryError error={usersQuery.error} onRetry={() => void usersQuery.refetch()} />
              ) : (
                <UsersTab users={users} orgs={orgs} meId={me.user.id} canCreate={manages} />
              ),
            },
            {
              key: 'orgs',
              label: (
                <span data-testid="tab-orgs">
                  {t('admin.tab.orgs')}
                  {orgs ? <span className="muted"> ({orgs.length})</span> : null}
                </span>
              ),
              children: orgsQuery.isError ? (
                <QueryError error={orgsQuery.error} onRetry={() => void orgsQuery.refetch()} />
              ) : (
                <OrganisationsTab orgs={orgs} users={users} canCreate={manages} />
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}
