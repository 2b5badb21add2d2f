/**
 * The frame around every signed-in page: top bar (platform, user, language, sign-out) and a left
 * menu whose entries depend on the role.
 */
import { AuditOutlined, BankOutlined, BookOutlined, BarChartOutlined, BulbOutlined, ClusterOutlined, ControlOutlined, FieldTimeOutlined, FileSearchOutlined, FileTextOutlined, FlagOutlined, FundOutlined, InboxOutlined, LogoutOutlined, NotificationOutlined, SafetyOutlined, ScheduleOutlined, SolutionOutlined, TeamOutlined, UnorderedListOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { NotificationBell } from '../features/notifications/ui/notification-bell';
import { ROLE_LABELS, type Role } from '../shared/roles/roles';
import { useI18n, type Translate } from './i18n';
import { type Locale } from '../web-kit/i18n';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { AccountSecurityLink, useMe, useSession } from '../features/auth/ui/public';

interface MenuEntry {
  key: string;
  to: MenuPath;
  /** The home page's tab, where the entry opens one. */
  tab?: 'queue' | 'all';
  icon: ReactNode;
  label: string;
}

/** Home tabs per role: the queue ("what waits for me") where the role has one, and everything in scope. */
type MenuPath = '/' | '/pilots' | '/attainment' | '/resources' | '/consulting' | '/province' | '/reports' | '/notices' | '/evaluations' | '/evaluations/scheme' | '/experts' | '/review' | '/review/batch' | '/review/settings' | '/cycle/settings' | '/admin' | '/admin/jobs' | '/audit' | '/cases';

export function roleHasQueue(role: Role): boolean {
  return role === 'city_applicant' || role === 'provincial_authority' || role === 'ministry_planning';
}

function menuFor(role: Role, t: Translate): MenuEntry[] {
  switch (role) {
    case 'city_applicant':
      return [
        { key: 'queue', to: '/', tab: 'queue', icon: <FileTextOutlined />, label: t('menu.city.queue') },
        { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.city.all') },
        { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
        { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
        { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
        { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
        { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
      ];
    case 'provincial_authority':
      return [
        { key: 'queue', to: '/', tab: 'queue', icon: <AuditOutlined />, label: t('menu.province.queue') },
        { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.province.all') },
        { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
        { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
        { key: 'province', to: '/province', icon: <BankOutlined />, label: t('menu.province') },
        { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
        { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
        { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
        { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
      ];
    case 'ministry_planning':
      return [
        { key: 'queue', to: '/', tab: 'queue', icon: <InboxOutlined />, label: t('menu.ministry.inbox') },
        { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.ministry.all') },
        { key: 'experts', to: '/experts', icon: <TeamOutlined />, label: t('menu.experts') },
        { key: 'reviewBatch', to: '/review/batch', icon: <ClusterOutlined />, label: t('menu.reviewBatch') },
        { key: 'reviewSettings', to: '/review/settings', icon: <ControlOutlined />, label: t('menu.reviewSettings') },
        { key: 'cycleSettings', to: '/cycle/settings', icon: <FieldTimeOutlined />, label: t('menu.cycleSettings') },
        { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
        { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
        { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
        { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
        { key: 'province', to: '/province', icon: <BankOutlined />, label: t('menu.province') },
        { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
        { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        { key: 'evaluations', to: '/evaluations', icon: <AuditOutlined />, label: t('menu.evaluations') },
        { key: 'evaluationScheme', to: '/evaluations/scheme', icon: <ControlOutlined />, label: t('menu.evaluationScheme') },
        { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
      ];
    case 'ministry_department':
      return [
        { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.ministry.all') },
        { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
        { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
        { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
        { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
        { key: 'province', to: '/province', icon: <BankOutlined />, label: t('menu.province') },
        { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
        { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        { key: 'evaluations', to: '/evaluations', icon: <AuditOutlined />, label: t('menu.evaluations') },
        { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
      ];
    case 'expert':
      return [
        { key: 'review', to: '/review', icon: <SolutionOutlined />, label: t('menu.review') },
        { key: 'evaluations', to: '/evaluations', icon: <AuditOutlined />, label: t('menu.evaluations') },
        { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
      ];
    case 'leading_group_observer':
      return [
        { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
        { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
        { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
        { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
      ];
    case 'platform_admin':
      return [
        { key: 'admin', to: '/admin', icon: <TeamOutlined />, label: t('menu.admin') },
        { key: 'jobs', to: '/admin/jobs', icon: <WarningOutlined />, label: t('menu.jobs') },
      ];
    case 'security_admin':
      return [{ key: 'admin', to: '/admin', icon: <SafetyOutlined />, label: t('menu.security') }];
    case 'audit_admin':
      return [{ key: 'audit', to: '/audit', icon: <FileSearchOutlined />, label: t('menu.audit') }];
    default:
      return [{ key: 'home', to: '/', icon: <FileTextOutlined />, label: t('menu.home') }];
  }
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t, l, locale, setLocale } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname, searchStr } = useRouterState({ select: (s) => s.location });
  const entries = menuFor(me.user.role, t);
  const tab = new URLSearchParams(searchStr).get('tab');
  const selected = pathname === '/' ? (tab ?? entries[0]!.key) : (entries.find((e) => e.to === pathname)?.key ?? '');
  // The plan editor needs the width: the menu folds to icons there.
  const wide = pathname.endsWith('/edit');
  const [collapsed, setCollapsed] = useState(wide);
  useEffect(() => setCollapsed(wide), [wide]);

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header no-print">
        <Link to="/" className="app-title">
          <span className="app-emblem" aria-hidden>
            ★
          </span>
          {t('app.title')}
        </Link>
        <Space size="middle" className="app-user">
          <span data-testid="current-user">
            <strong>{me.user.displayName}</strong>
            <span className="app-user-org">{me.user.organisationName}</span>
          </span>
          <Tag color="gold" variant="filled" data-testid="current-role">
            {l(ROLE_LABELS[me.user.role])}
          </Tag>
          <NotificationBell />
          <AccountSecurityLink />
          <Segmented<Locale>
            size="small"
            value={locale}
            onChange={setLocale}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en-US' },
            ]}
            data-testid="locale-switch"
          />
          <Tooltip title={t('app.logout')}>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              className="app-logout"
              onClick={() => void logout()}
              data-testid="btn-logout"
            >
              {t('app.logout')}
            </Button>
          </Tooltip>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={196}
          collapsedWidth={56}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="app-sider no-print"
          theme="light"
        >
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={entries.map((e) => ({ key: e.key, icon: e.icon, label: e.label }))}
            onClick={({ key }) => {
              const entry = entries.find((e) => e.key === key);
              if (entry) void navigate({ to: entry.to, search: entry.tab ? { tab: entry.tab } : {} });
            }}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
