/**
 * The frame around every signed-in page: top bar (platform, user, language, sign-out) and a left
 * menu whose entries depend on the role.
 */
import { AuditOutlined, BankOutlined, BookOutlined, BarChartOutlined, BulbOutlined, CalendarOutlined, CarryOutOutlined, ClusterOutlined, ControlOutlined, DashboardOutlined, FieldTimeOutlined, FileSearchOutlined, FileTextOutlined, FlagOutlined, FundOutlined, InboxOutlined, LogoutOutlined, NotificationOutlined, SafetyOutlined, ScheduleOutlined, SolutionOutlined, TeamOutlined, UnorderedListOutlined, WarningOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Segmented, Space, Tag, Tooltip, type MenuProps } from 'antd';
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { NotificationBell } from '../features/notifications/ui/notification-bell';
import { ROLE_LABELS, type Role } from '../shared/roles/roles';
import { useI18n, type Translate } from './i18n';
import { type Locale } from '../web-kit/i18n';
import { Link, useNavigate, useRouterState, type LinkProps } from '@tanstack/react-router';
import { AccountSecurityLink, useMe, useSession } from '../features/auth/ui/public';

interface MenuEntry {
  key: string;
  to: MenuPath;
  /** The home page's tab, where the entry opens one. */
  tab?: 'queue' | 'all';
  icon: ReactNode;
  label: string;
}

/** A labelled section of the menu; a role with few entries has one section without a label (a flat menu). */
interface MenuSection {
  key: string;
  label?: string;
  entries: MenuEntry[];
}

/** Any path of the route tree (src/web/router.tsx): a new page's route is enough to make it a menu target. */
type MenuPath = Exclude<NonNullable<LinkProps['to']>, `${string}$${string}` | '.' | '..' | `./${string}` | `../${string}`>;

export function roleHasQueue(role: Role): boolean {
  return role === 'city_applicant' || role === 'provincial_authority' || role === 'ministry_planning';
}

/**
 * The menu of each role, in sections an official recognises: 申报评审 (applications and their review),
 * 试点跟踪 (the pilots' three years), 推广交流 (spreading what works), 资源与支撑 (resources and support),
 * 设置 (the ministry's calendars and rules).
 *
 * TO ADD AN ENTRY: add ONE line `{ key, to, icon, label } (label: t of a menu.* key)` to the right section of the role(s)
 * below (and its label to src/web/messages.ts). The key must be unique within the role; the entry is
 * highlighted on its path and on the pages under it. Sections: review, tracking, promotion, support, settings.
 */
function menuFor(role: Role, t: Translate): MenuSection[] {
  const section = (key: 'review' | 'applications' | 'tracking' | 'promotion' | 'support' | 'settings', entries: MenuEntry[]): MenuSection => ({
    key: `group.${key}`,
    label: t(`menu.group.${key}`),
    entries,
  });
  switch (role) {
    case 'city_applicant':
      return [
        section('applications', [
          { key: 'queue', to: '/', tab: 'queue', icon: <FileTextOutlined />, label: t('menu.city.queue') },
          { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.city.all') },
        ]),
        section('tracking', [
          { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
          { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
          { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        ]),
        section('promotion', [
          { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
          { key: 'events', to: '/events', icon: <CalendarOutlined />, label: t('menu.events') },
          { key: 'actions', to: '/actions', icon: <CarryOutOutlined />, label: t('menu.actions') },
        ]),
        section('support', [
          { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
          { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
        ]),
      ];
    case 'provincial_authority':
      return [
        section('review', [
          { key: 'queue', to: '/', tab: 'queue', icon: <AuditOutlined />, label: t('menu.province.queue') },
          { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.province.all') },
        ]),
        section('tracking', [
          { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
          { key: 'dashboard', to: '/dashboard', icon: <DashboardOutlined />, label: t('menu.dashboard') },
          { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
          { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
          { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        ]),
        section('promotion', [
          { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
          { key: 'events', to: '/events', icon: <CalendarOutlined />, label: t('menu.events') },
          { key: 'actions', to: '/actions', icon: <CarryOutOutlined />, label: t('menu.actions') },
        ]),
        section('support', [
          { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
          { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
          { key: 'province', to: '/province', icon: <BankOutlined />, label: t('menu.province') },
        ]),
      ];
    case 'ministry_planning':
      return [
        section('review', [
          { key: 'queue', to: '/', tab: 'queue', icon: <InboxOutlined />, label: t('menu.ministry.inbox') },
          { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.ministry.all') },
          { key: 'experts', to: '/experts', icon: <TeamOutlined />, label: t('menu.experts') },
          { key: 'reviewBatch', to: '/review/batch', icon: <ClusterOutlined />, label: t('menu.reviewBatch') },
          { key: 'reviewSettings', to: '/review/settings', icon: <ControlOutlined />, label: t('menu.reviewSettings') },
        ]),
        section('tracking', [
          { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
          { key: 'dashboard', to: '/dashboard', icon: <DashboardOutlined />, label: t('menu.dashboard') },
          { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
          { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
          { key: 'evaluations', to: '/evaluations', icon: <AuditOutlined />, label: t('menu.evaluations') },
          { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        ]),
        section('promotion', [
          { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
          { key: 'events', to: '/events', icon: <CalendarOutlined />, label: t('menu.events') },
          { key: 'actions', to: '/actions', icon: <CarryOutOutlined />, label: t('menu.actions') },
          { key: 'portalPublishing', to: '/portal-publishing', icon: <NotificationOutlined />, label: t('menu.portalPublishing') },
        ]),
        section('support', [
          { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
          { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
          { key: 'province', to: '/province', icon: <BankOutlined />, label: t('menu.province') },
        ]),
        section('settings', [
          { key: 'cycleSettings', to: '/cycle/settings', icon: <FieldTimeOutlined />, label: t('menu.cycleSettings') },
          { key: 'evaluationScheme', to: '/evaluations/scheme', icon: <ControlOutlined />, label: t('menu.evaluationScheme') },
        ]),
      ];
    case 'ministry_department':
      return [
        section('review', [
          { key: 'all', to: '/', tab: 'all', icon: <UnorderedListOutlined />, label: t('menu.ministry.all') },
        ]),
        section('tracking', [
          { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
          { key: 'dashboard', to: '/dashboard', icon: <DashboardOutlined />, label: t('menu.dashboard') },
          { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
          { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
          { key: 'evaluations', to: '/evaluations', icon: <AuditOutlined />, label: t('menu.evaluations') },
          { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
        ]),
        section('promotion', [
          { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
          { key: 'events', to: '/events', icon: <CalendarOutlined />, label: t('menu.events') },
          { key: 'actions', to: '/actions', icon: <CarryOutOutlined />, label: t('menu.actions') },
        ]),
        section('support', [
          { key: 'resources', to: '/resources', icon: <FundOutlined />, label: t('menu.resources') },
          { key: 'consulting', to: '/consulting', icon: <BulbOutlined />, label: t('menu.consulting') },
          { key: 'province', to: '/province', icon: <BankOutlined />, label: t('menu.province') },
        ]),
      ];
    case 'expert':
      return [
        { key: 'main', entries: [
          { key: 'review', to: '/review', icon: <SolutionOutlined />, label: t('menu.review') },
          { key: 'evaluations', to: '/evaluations', icon: <AuditOutlined />, label: t('menu.evaluations') },
          { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
        ] },
      ];
    case 'leading_group_observer':
      return [
        { key: 'main', entries: [
          { key: 'pilots', to: '/pilots', icon: <FlagOutlined />, label: t('menu.pilots') },
          { key: 'dashboard', to: '/dashboard', icon: <DashboardOutlined />, label: t('menu.dashboard') },
          { key: 'attainment', to: '/attainment', icon: <BarChartOutlined />, label: t('menu.attainment') },
          { key: 'reports', to: '/reports', icon: <ScheduleOutlined />, label: t('menu.reports') },
          { key: 'notices', to: '/notices', icon: <NotificationOutlined />, label: t('menu.notices') },
          { key: 'cases', to: '/cases', icon: <BookOutlined />, label: t('menu.cases') },
          { key: 'events', to: '/events', icon: <CalendarOutlined />, label: t('menu.events') },
        ] },
      ];
    case 'platform_admin':
      return [
        { key: 'main', entries: [
          { key: 'admin', to: '/admin', icon: <TeamOutlined />, label: t('menu.admin') },
          { key: 'jobs', to: '/admin/jobs', icon: <WarningOutlined />, label: t('menu.jobs') },
        ] },
      ];
    case 'security_admin':
      return [{ key: 'main', entries: [{ key: 'admin', to: '/admin', icon: <SafetyOutlined />, label: t('menu.security') }] }];
    case 'audit_admin':
      return [{ key: 'main', entries: [{ key: 'audit', to: '/audit', icon: <FileSearchOutlined />, label: t('menu.audit') }] }];
    default:
      return [{ key: 'main', entries: [{ key: 'home', to: '/', icon: <FileTextOutlined />, label: t('menu.home') }] }];
  }
}

/** The entry to highlight: on the home page the tab's entry; elsewhere the entry whose path is the longest prefix of the page's. */
export function selectedEntry(entries: readonly Pick<MenuEntry, 'key' | 'to'>[], pathname: string, tab: string | null): string {
  if (pathname === '/') return tab ?? entries.find((e) => e.to === '/')?.key ?? entries[0]?.key ?? '';
  let best: Pick<MenuEntry, 'key' | 'to'> | undefined;
  for (const e of entries) {
    if (e.to === '/') continue;
    if ((pathname === e.to || pathname.startsWith(`${e.to}/`)) && (!best || e.to.length > best.to.length)) best = e;
  }
  return best?.key ?? '';
}

/** The skip link moves focus (not only the scroll position) to the page's content, so the next Tab starts there. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById('main-content');
  main?.focus();
  main?.scrollIntoView();
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t, l, locale, setLocale } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname, searchStr } = useRouterState({ select: (s) => s.location });
  const sections = menuFor(me.user.role, t);
  const entries = sections.flatMap((s) => s.entries);
  const selected = selectedEntry(entries, pathname, new URLSearchParams(searchStr).get('tab'));
  // The plan editor needs the width: the menu folds to icons there.
  const wide = pathname.endsWith('/edit');
  const [collapsed, setCollapsed] = useState(wide);
  useEffect(() => setCollapsed(wide), [wide]);

  // Ant Design's App gives every signed-in page App.useApp() (message, notification, modal); it sits here,
  // not in main.tsx, so that the sign-in page does not load them.
  return (
    <AntApp>
      <Layout className="app-shell">
        <a href="#main-content" className="skip-link no-print" data-testid="skip-link" onClick={skipToMain}>
          {t('app.skipToMain')}
        </a>
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
              aria-label={t('app.menu')}
              selectedKeys={[selected]}
              items={sections.flatMap((s): NonNullable<MenuProps['items']> => {
                const items = s.entries.map((e) => ({ key: e.key, icon: e.icon, label: e.label }));
                return s.label ? [{ type: 'group' as const, key: s.key, label: s.label, children: items }] : items;
              })}
              onClick={({ key }) => {
                const entry = entries.find((e) => e.key === key);
                if (entry) void navigate({ to: entry.to, search: entry.tab ? { tab: entry.tab } : {} });
              }}
            />
          </Layout.Sider>
          <Layout.Content id="main-content" tabIndex={-1} className="app-content">
            {children}
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
