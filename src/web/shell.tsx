/**
 * The frame around every signed-in page: top bar (platform, user, language, sign-out) and a left
 * menu whose entries depend on the role.
 */
import { AuditOutlined, BankOutlined, BookOutlined, BarChartOutlined, BulbOutlined, CalendarOutlined, CarryOutOutlined, ClusterOutlined, ControlOutlined, DashboardOutlined, FieldTimeOutlined, FileSearchOutlined, FileTextOutlined, FlagOutlined, FundOutlined, InboxOutlined, LogoutOutlined, NotificationOutlined, SafetyOutlined, ScheduleOutlined, SolutionOutlined, TeamOutlined, UnorderedListOutlined, WarningOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Layout, Menu, Space, Tag, Tooltip, type MenuProps } from 'antd';
import { useEffect, useState, type ComponentType, type MouseEvent, type ReactNode } from 'react';
import { NotificationBell } from '../features/notifications/ui/notification-bell';
import { ROLE_LABELS, type Role } from '../shared/roles/roles';
import { useI18n, type MessageKey, type Translate } from './i18n';
import { LocaleSwitch } from '../web-kit/locale-switch';
import AntdRoot from '../web-kit/antd-root';
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
 * The sections an official recognises: 申报评审 (applications and their review; 我的申报 for a city),
 * 试点跟踪 (the pilots' three years), 推广交流 (spreading what works), 资源与支撑 (resources and support),
 * 设置 (the ministry's calendars and rules).
 */
type SectionKey = 'review' | 'tracking' | 'promotion' | 'support' | 'settings';

/** One row of the menu table: where it leads, how it reads, in which section, and the roles that see it. */
interface MenuRow {
  key: string;
  to: MenuPath;
  tab?: 'queue' | 'all';
  icon: ComponentType;
  label: MessageKey;
  section: SectionKey;
  roles: readonly Role[];
}

const CITY = 'city_applicant';
const PROVINCE = 'provincial_authority';
const PLANNING = 'ministry_planning';
const DEPARTMENT = 'ministry_department';
const EXPERT = 'expert';
const OBSERVER = 'leading_group_observer';
/** Every role whose work is the applications and the pilots. */
const PROGRAMME: readonly Role[] = [CITY, PROVINCE, PLANNING, DEPARTMENT];
const MINISTRY: readonly Role[] = [PLANNING, DEPARTMENT];

/**
 * The menu of every role, as one table, in menu order. A role sees the rows that name it, grouped by
 * section; a role with few entries (FLAT_ROLES) sees them in one list without section labels.
 *
 * TO ADD AN ENTRY: add ONE row `{ key, to, icon, label, section, roles }` where it belongs in the order
 * below (its label, a menu.* key, in src/web/messages.ts). The key must be unique within each role it names
 * (a page that reads differently per role has one row per wording); the entry is highlighted on its path
 * and on the pages under it.
 */
const MENU: readonly MenuRow[] = [
  { key: 'queue', to: '/', tab: 'queue', icon: FileTextOutlined, label: 'menu.city.queue', section: 'review', roles: [CITY] },
  { key: 'all', to: '/', tab: 'all', icon: UnorderedListOutlined, label: 'menu.city.all', section: 'review', roles: [CITY] },
  { key: 'queue', to: '/', tab: 'queue', icon: AuditOutlined, label: 'menu.province.queue', section: 'review', roles: [PROVINCE] },
  { key: 'all', to: '/', tab: 'all', icon: UnorderedListOutlined, label: 'menu.province.all', section: 'review', roles: [PROVINCE] },
  { key: 'queue', to: '/', tab: 'queue', icon: InboxOutlined, label: 'menu.ministry.inbox', section: 'review', roles: [PLANNING] },
  { key: 'all', to: '/', tab: 'all', icon: UnorderedListOutlined, label: 'menu.ministry.all', section: 'review', roles: MINISTRY },
  { key: 'experts', to: '/experts', icon: TeamOutlined, label: 'menu.experts', section: 'review', roles: [PLANNING] },
  { key: 'review', to: '/review', icon: SolutionOutlined, label: 'menu.review', section: 'review', roles: [EXPERT] },
  { key: 'reviewBatch', to: '/review/batch', icon: ClusterOutlined, label: 'menu.reviewBatch', section: 'review', roles: [PLANNING] },
  { key: 'reviewSettings', to: '/review/settings', icon: ControlOutlined, label: 'menu.reviewSettings', section: 'review', roles: [PLANNING] },
  { key: 'pilots', to: '/pilots', icon: FlagOutlined, label: 'menu.pilots', section: 'tracking', roles: [...PROGRAMME, OBSERVER] },
  { key: 'dashboard', to: '/dashboard', icon: DashboardOutlined, label: 'menu.dashboard', section: 'tracking', roles: [PROVINCE, ...MINISTRY, OBSERVER] },
  { key: 'attainment', to: '/attainment', icon: BarChartOutlined, label: 'menu.attainment', section: 'tracking', roles: [PROVINCE, ...MINISTRY, OBSERVER] },
  { key: 'reports', to: '/reports', icon: ScheduleOutlined, label: 'menu.reports', section: 'tracking', roles: [...PROGRAMME, OBSERVER] },
  { key: 'evaluations', to: '/evaluations', icon: AuditOutlined, label: 'menu.evaluations', section: 'tracking', roles: [...MINISTRY, EXPERT] },
  { key: 'notices', to: '/notices', icon: NotificationOutlined, label: 'menu.notices', section: 'tracking', roles: [...PROGRAMME, OBSERVER] },
  { key: 'cases', to: '/cases', icon: BookOutlined, label: 'menu.cases', section: 'promotion', roles: [...PROGRAMME, EXPERT, OBSERVER] },
  { key: 'events', to: '/events', icon: CalendarOutlined, label: 'menu.events', section: 'promotion', roles: [...PROGRAMME, OBSERVER] },
  { key: 'actions', to: '/actions', icon: CarryOutOutlined, label: 'menu.actions', section: 'promotion', roles: PROGRAMME },
  { key: 'portalPublishing', to: '/portal-publishing', icon: NotificationOutlined, label: 'menu.portalPublishing', section: 'promotion', roles: [PLANNING] },
  { key: 'resources', to: '/resources', icon: FundOutlined, label: 'menu.resources', section: 'support', roles: PROGRAMME },
  { key: 'consulting', to: '/consulting', icon: BulbOutlined, label: 'menu.consulting', section: 'support', roles: PROGRAMME },
  { key: 'province', to: '/province', icon: BankOutlined, label: 'menu.province', section: 'support', roles: [PROVINCE, ...MINISTRY] },
  { key: 'cycleSettings', to: '/cycle/settings', icon: FieldTimeOutlined, label: 'menu.cycleSettings', section: 'settings', roles: [PLANNING] },
  { key: 'evaluationScheme', to: '/evaluations/scheme', icon: ControlOutlined, label: 'menu.evaluationScheme', section: 'settings', roles: [PLANNING] },
  { key: 'admin', to: '/admin', icon: TeamOutlined, label: 'menu.admin', section: 'settings', roles: ['platform_admin'] },
  { key: 'admin', to: '/admin', icon: SafetyOutlined, label: 'menu.security', section: 'settings', roles: ['security_admin'] },
  { key: 'jobs', to: '/admin/jobs', icon: WarningOutlined, label: 'menu.jobs', section: 'settings', roles: ['platform_admin'] },
  { key: 'audit', to: '/audit', icon: FileSearchOutlined, label: 'menu.audit', section: 'settings', roles: ['audit_admin'] },
];

const SECTIONS: readonly SectionKey[] = ['review', 'tracking', 'promotion', 'support', 'settings'];
/** Roles with few entries: one list, no section labels. */
const FLAT_ROLES: readonly Role[] = [EXPERT, OBSERVER, 'platform_admin', 'security_admin', 'audit_admin'];

/** The menu of a role: its rows of the table, in sections (or flat), labelled in the current language. */
export function menuFor(role: Role, t: Translate): MenuSection[] {
  const entry = (r: Pick<MenuRow, 'key' | 'to' | 'tab' | 'icon' | 'label'>): MenuEntry => ({
    key: r.key,
    to: r.to,
    ...(r.tab ? { tab: r.tab } : {}),
    icon: <r.icon />,
    label: t(r.label),
  });
  const rows = MENU.filter((r) => r.roles.includes(role));
  // Not reached with today's roles (each has rows); a role without any still finds its home page.
  if (rows.length === 0) return [{ key: 'main', entries: [entry({ key: 'home', to: '/', icon: FileTextOutlined, label: 'menu.home' })] }];
  if (FLAT_ROLES.includes(role)) return [{ key: 'main', entries: rows.map(entry) }];
  return SECTIONS.flatMap((section) => {
    const entries = rows.filter((r) => r.section === section).map(entry);
    // A city's applications are its own: that section reads 我的申报 there.
    const name = section === 'review' && role === CITY ? 'applications' : section;
    return entries.length ? [{ key: `group.${name}`, label: t(`menu.group.${name}`), entries }] : [];
  });
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
  const { t, l } = useI18n();
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

  // Ant Design's configuration (theme, locale, CSP nonce) and its App, which gives every signed-in page
  // App.useApp() (message, notification, modal), sit here, not in main.tsx, so that the sign-in page loads neither.
  return (
    <AntdRoot>
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
              <LocaleSwitch />
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
    </AntdRoot>
  );
}
