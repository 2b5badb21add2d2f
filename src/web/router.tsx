/**
 * The route tree (TanStack Router): every page of the app, with typed path params and search params.
 * Pages come from the features, each loaded lazily in its own chunk; they receive their params and
 * search as props, so a page does not need to know the route it sits on. The root route is the
 * sign-in gate: signed out, every page but /login leads to the sign-in page and back afterwards.
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  useNavigate,
  useRouter,
  useRouterState,
} from '@tanstack/react-router';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { parseAdminSearch, type AdminSearch } from '../features/accounts/ui/admin-search';
import { parseAuditSearch, type AuditSearch } from '../features/audit/ui/audit-search';
import { parseLibrarySearch, type LibrarySearch } from '../features/cases/ui/library-search';
import { parseDashboardSearch, type DashboardSearch } from '../features/dashboards/ui/public';
import { parseWorkQueueSearch, type WorkQueueSearch } from '../features/applications/ui/work-queue-search';
import { useSession } from '../features/auth/ui/session';
import { parseExpertsSearch, type ExpertsSearch } from '../features/experts/ui/experts-search';
import { parseEventsSearch, type EventsSearch } from '../features/events/ui/events-search';
import { parseProvinceSearch, type ProvinceSearch } from '../features/provincial-work/ui/province-search';
import { PageLoading } from '../web-kit/page-loading';

/**
 * A page drawn with Ant Design outside the shell, loaded together with Ant Design's configuration
 * (src/web-kit/antd-root.tsx) and shown inside it. The shell brings that configuration itself.
 */
function lazyInAntd<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(async () => {
    const [page, root] = await Promise.all([load(), import('../web-kit/antd-root')]);
    const Page = page.default;
    const AntdRoot = root.default;
    return {
      default: (props: P) => (
        <AntdRoot>
          <Page {...props} />
        </AntdRoot>
      ),
    };
  });
}

// The shell and the not-found page load with the first signed-in page, not with the sign-in page.
const AppShell = lazy(() => import('./shell').then((m) => ({ default: m.AppShell })));
const NotFound = lazyInAntd(() => import('./not-found'));
const LoginPage = lazy(() => import('../features/auth/ui/login-page'));
const SecurityPage = lazy(() => import('../features/auth/ui/security-page'));
const WorkQueuePage = lazy(() => import('../features/applications/ui/work-queue-page'));
const ApplicationDetailPage = lazy(() => import('./application-detail-page'));
const PlanEditorPage = lazy(() => import('../features/applications/ui/editor/plan-editor-page'));
const PrintPage = lazyInAntd(() => import('../features/applications/ui/print-page'));
const VersionPage = lazy(() => import('../features/applications/ui/version-page'));
const AdminPage = lazy(() => import('../features/accounts/ui/admin-page'));
const AuditPage = lazy(() => import('../features/audit/ui/audit-page'));
const DeadLetterPage = lazy(() => import('../features/notifications/ui/dead-letter-page'));
const ExpertsPage = lazy(() => import('../features/experts/ui/experts-page'));
const AssignmentsPage = lazy(() => import('../features/ministry-review/ui/assignments-page'));
const AssignmentPage = lazy(() => import('../features/ministry-review/ui/assignment-page'));
const BatchReviewPage = lazy(() => import('../features/ministry-review/ui/batch-page'));
const ReviewSettingsPage = lazy(() => import('../features/ministry-review/ui/settings-page'));
const PilotsPage = lazy(() => import('../features/pilots/ui/pilots-page'));
const PilotPage = lazy(() => import('../features/pilots/ui/pilot-page'));
const AmendmentsPanel = lazy(() => import('../features/amendments/ui/public').then((m) => ({ default: m.AmendmentsPanel })));
const AttainmentTab = lazy(() => import('../features/attainment/ui/public').then((m) => ({ default: m.AttainmentTab })));
const AttainmentOverviewPage = lazy(() => import('../features/attainment/ui/overview-page'));
const ScheduleSettingsPage = lazy(() => import('../features/pilots/ui/schedule-settings-page'));
const ResourcesPage = lazy(() => import('../features/policy-resources/ui/resources-page'));
const ConsultingPage = lazy(() => import('../features/consulting/ui/consulting-page'));
const ProvincePage = lazy(() => import('../features/provincial-work/ui/province-page'));
const PilotReportsPage = lazy(() => import('../features/progress-reports/ui/pilot-reports-page'));
const ReportPage = lazy(() => import('../features/progress-reports/ui/report-page'));
const ReportsDuePage = lazy(() => import('../features/progress-reports/ui/reports-due-page'));
const RectificationsPage = lazy(() => import('../features/rectifications/ui/rectifications-page'));
const RectificationPage = lazy(() => import('../features/rectifications/ui/rectification-page'));
const NoticesPage = lazy(() => import('../features/rectifications/ui/notices-page'));
const EvaluationsPage = lazy(() => import('../features/evaluations/ui/evaluations-page'));
const EvaluationPage = lazy(() => import('../features/evaluations/ui/evaluation-page'));
const EvaluationSchemePage = lazy(() => import('../features/evaluations/ui/scheme-page'));
const CaseLibraryPage = lazy(() => import('../features/cases/ui/library-page'));
const CasePage = lazy(() => import('../features/cases/ui/case-page'));
const CaseEditPage = lazy(() => import('../features/cases/ui/editor-page'));
const CaseNewPage = lazy(() => import('../features/cases/ui/editor-page').then((m) => ({ default: m.NewCasePage })));
const CasesMinePage = lazy(() => import('../features/cases/ui/mine-page'));
const CaseReviewPage = lazy(() => import('../features/cases/ui/review-page'));
const CaseBookPage = lazy(() => import('../features/cases/ui/book-page'));
const EventsPage = lazy(() => import('../features/events/ui/events-page'));
const EventPage = lazy(() => import('../features/events/ui/event-page'));
const ActionsPage = lazy(() => import('../features/events/ui/actions-page'));
const DashboardPage = lazy(() => import('../features/dashboards/ui/dashboard-page'));
const PortalPublishingPage = lazy(() => import('../features/portal/ui/publishing-page'));
const DossierButton = lazy(() => import('../features/dossier/ui/public').then((m) => ({ default: m.DossierButton })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** Where to go after signing in: a path of ours, never another site. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

function RootGate() {
  const { state } = useSession();
  const router = useRouter();
  // The location whose pages are on screen: until the router has swapped them, the old shell is still mounted.
  const location = useRouterState({ select: (s) => s.resolvedLocation ?? s.location });
  const onLogin = location.pathname === '/login';
  const signedOutElsewhere = state.status === 'signed-out' && !onLogin;
  // After signing out, the sign-in page starts afresh; after a lost session it leads back.
  const leadBack = state.status === 'signed-out' && state.reason !== 'signed-out';
  const signedInOnLogin = state.status === 'signed-in' && onLogin;
  const next = signedInOnLogin ? safeNext(new URLSearchParams(location.searchStr).get('next') ?? undefined) : null;

  useEffect(() => {
    if (signedOutElsewhere) {
      const here = location.href;
      void router.navigate({ to: '/login', search: here === '/' || !leadBack ? {} : { next: here }, replace: true });
    } else if (next !== null) {
      router.history.replace(next);
    }
  }, [signedOutElsewhere, leadBack, next, location.href, router]);

  if (state.status === 'loading' || signedOutElsewhere || signedInOnLogin) return <PageLoading />;
  return <Outlet />;
}

const rootRoute = createRootRoute({
  component: RootGate,
  notFoundComponent: () => (
    <Lazy>
      <NotFound />
    </Lazy>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (raw: Record<string, unknown>): { next?: string } => (typeof raw.next === 'string' ? { next: raw.next } : {}),
  component: () => (
    <Lazy>
      <LoginPage />
    </Lazy>
  ),
});

/** Every signed-in page but the printed plan sits in the shell (top bar and menu). */
const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  component: () => (
    <Lazy>
      <AppShell>
        <Lazy>
          <Outlet />
        </Lazy>
      </AppShell>
    </Lazy>
  ),
});

/** Merges a change into the current search, dropping empty values, without a new history entry. */
function useSearchUpdater<S extends object>(): (patch: Partial<S>) => void {
  const navigate = useNavigate();
  return (patch) =>
    void navigate({
      to: '.',
      search: ((prev: S) => ({ ...prev, ...patch })) as never,
      replace: true,
    });
}

function HomeRoute() {
  const { state } = useSession();
  const navigate = useNavigate();
  const search = homeRoute.useSearch();
  const onSearch = useSearchUpdater<WorkQueueSearch>();
  const me = state.status === 'signed-in' ? state.me : null;
  // The platform administrator has no application work: their home is account administration.
  // So do the security administrator (the accounts' security) and the audit administrator (the audit log).
  const toAudit = me !== null && me.permissions.includes('audit.read');
  const toAdmin = me !== null && !toAudit && me.permissions.includes('user.read') && !me.permissions.includes('application.read');
  useEffect(() => {
    if (toAudit) void navigate({ to: '/audit', replace: true });
    else if (toAdmin) void navigate({ to: '/admin', replace: true });
  }, [toAdmin, toAudit, navigate]);
  if (!me || toAdmin || toAudit) return <PageLoading />;
  // The leading group's observer reads the pilots filed with it; an expert works through review tasks.
  if (me.user.role === 'leading_group_observer') return <PilotsPage />;
  if (me.user.role === 'expert') return <AssignmentsPage />;
  return <WorkQueuePage search={search} onSearch={onSearch} />;
}

const homeRoute = createRoute({ getParentRoute: () => shellRoute, path: '/', validateSearch: parseWorkQueueSearch, component: HomeRoute });

const detailRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/applications/$id',
  validateSearch: (raw: Record<string, unknown>): { tab?: string } => (typeof raw.tab === 'string' && raw.tab ? { tab: raw.tab } : {}),
  component: function DetailRoute() {
    const { id } = detailRoute.useParams();
    const search = detailRoute.useSearch();
    const onSearch = useSearchUpdater<{ tab?: string }>();
    return <ApplicationDetailPage key={id} id={id} search={search} onSearch={onSearch} />;
  },
});

function withParams<P extends Record<string, string>>(route: { useParams: () => P }, Page: ComponentType<P>, key: keyof P) {
  return function ParamRoute() {
    const params = route.useParams();
    return <Page key={params[key]} {...params} />;
  };
}

const editRoute = createRoute({ getParentRoute: () => shellRoute, path: '/applications/$id/edit' });
editRoute.update({ component: withParams(editRoute, PlanEditorPage, 'id') });

const versionRoute = createRoute({ getParentRoute: () => shellRoute, path: '/applications/$id/versions/$versionId' });
versionRoute.update({ component: withParams(versionRoute, VersionPage, 'versionId') });

/** The printed plan is a document of its own: no shell around it. */
const printRoute = createRoute({ getParentRoute: () => rootRoute, path: '/applications/$id/print' });
printRoute.update({
  component: function PrintRoute() {
    const { id } = printRoute.useParams();
    return (
      <Lazy>
        <PrintPage id={id} />
      </Lazy>
    );
  },
});

const adminRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/admin',
  validateSearch: parseAdminSearch,
  component: function AdminRoute() {
    return <AdminPage search={adminRoute.useSearch()} onSearch={useSearchUpdater<AdminSearch>()} />;
  },
});

const jobsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/admin/jobs', component: () => <DeadLetterPage /> });

const auditRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/audit',
  validateSearch: parseAuditSearch,
  component: function AuditRoute() {
    return <AuditPage search={auditRoute.useSearch()} onSearch={useSearchUpdater<AuditSearch>()} />;
  },
});

const expertsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/experts',
  validateSearch: parseExpertsSearch,
  component: function ExpertsRoute() {
    return <ExpertsPage search={expertsRoute.useSearch()} onSearch={useSearchUpdater<ExpertsSearch>()} />;
  },
});

const reviewsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/review', component: () => <AssignmentsPage /> });
const reviewBatchRoute = createRoute({ getParentRoute: () => shellRoute, path: '/review/batch', component: () => <BatchReviewPage /> });
const reviewSettingsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/review/settings', component: () => <ReviewSettingsPage /> });
const assignmentRoute = createRoute({ getParentRoute: () => shellRoute, path: '/review/$panelId' });
assignmentRoute.update({ component: withParams(assignmentRoute, AssignmentPage, 'panelId') });

const pilotsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/pilots', component: () => <PilotsPage /> });
const pilotRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/pilots/$id',
  validateSearch: (raw: Record<string, unknown>): { tab?: string } => (typeof raw.tab === 'string' && raw.tab ? { tab: raw.tab } : {}),
});
pilotRoute.update({
  component: function PilotRoute() {
    const { id } = pilotRoute.useParams();
    const { tab } = pilotRoute.useSearch();
    // The pilot page leaves places for the amendments panel, the attainment tab and the dossier's
    // download: all build on pilots, so they meet here.
    return (
      <PilotPage
        key={id}
        id={id}
        initialTab={tab}
        amendments={(props) => (
          <Suspense fallback={null}>
            <AmendmentsPanel {...props} />
          </Suspense>
        )}
        attainment={({ pilot }) => (
          <Suspense fallback={<PageLoading />}>
            <AttainmentTab pilotId={pilot.id} />
          </Suspense>
        )}
        downloads={({ pilot }) => (
          <Suspense fallback={null}>
            <DossierButton kind="pilot" id={pilot.id} />
          </Suspense>
        )}
      />
    );
  },
});
const attainmentRoute = createRoute({ getParentRoute: () => shellRoute, path: '/attainment', component: () => <AttainmentOverviewPage /> });
const scheduleSettingsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/cycle/settings', component: () => <ScheduleSettingsPage /> });
const resourcesRoute = createRoute({ getParentRoute: () => shellRoute, path: '/resources', component: () => <ResourcesPage /> });
const consultingRoute = createRoute({ getParentRoute: () => shellRoute, path: '/consulting', component: () => <ConsultingPage /> });
const provinceRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/province',
  validateSearch: parseProvinceSearch,
  component: function ProvinceRoute() {
    return <ProvincePage search={provinceRoute.useSearch()} onSearch={useSearchUpdater<ProvinceSearch>()} />;
  },
});
const pilotReportsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/pilots/$id/reports' });
pilotReportsRoute.update({ component: withParams(pilotReportsRoute, PilotReportsPage, 'id') });
const reportsDueRoute = createRoute({ getParentRoute: () => shellRoute, path: '/reports', component: () => <ReportsDuePage /> });
const reportRoute = createRoute({ getParentRoute: () => shellRoute, path: '/reports/$id' });
reportRoute.update({ component: withParams(reportRoute, ReportPage, 'id') });
const rectificationsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/pilots/$id/rectifications' });
rectificationsRoute.update({ component: withParams(rectificationsRoute, RectificationsPage, 'id') });
const rectificationRoute = createRoute({ getParentRoute: () => shellRoute, path: '/pilots/$id/rectifications/$caseId' });
rectificationRoute.update({ component: withParams(rectificationRoute, RectificationPage, 'caseId') });
const securityRoute = createRoute({ getParentRoute: () => shellRoute, path: '/account/security', component: () => <SecurityPage /> });
const noticesRoute = createRoute({ getParentRoute: () => shellRoute, path: '/notices', component: () => <NoticesPage /> });
const evaluationsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/evaluations', component: () => <EvaluationsPage /> });
const evaluationSchemeRoute = createRoute({ getParentRoute: () => shellRoute, path: '/evaluations/scheme', component: () => <EvaluationSchemePage /> });
const evaluationRoute = createRoute({ getParentRoute: () => shellRoute, path: '/evaluations/$id' });
evaluationRoute.update({ component: withParams(evaluationRoute, EvaluationPage, 'id') });
// The typical-case library 典型案例 (issue 10).
const casesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/cases',
  validateSearch: parseLibrarySearch,
  component: function CasesRoute() {
    return <CaseLibraryPage search={casesRoute.useSearch()} onSearch={useSearchUpdater<LibrarySearch>()} />;
  },
});
const caseBookRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/cases/book',
  validateSearch: parseLibrarySearch,
  component: function CaseBookRoute() {
    return <CaseBookPage search={caseBookRoute.useSearch()} onSearch={useSearchUpdater<LibrarySearch>()} />;
  },
});
const casesMineRoute = createRoute({ getParentRoute: () => shellRoute, path: '/cases/mine', component: () => <CasesMinePage /> });
const caseReviewRoute = createRoute({ getParentRoute: () => shellRoute, path: '/cases/review', component: () => <CaseReviewPage /> });
const caseNewRoute = createRoute({ getParentRoute: () => shellRoute, path: '/cases/new', component: () => <CaseNewPage /> });
const caseRoute = createRoute({ getParentRoute: () => shellRoute, path: '/cases/$id' });
caseRoute.update({ component: withParams(caseRoute, CasePage, 'id') });
const caseEditRoute = createRoute({ getParentRoute: () => shellRoute, path: '/cases/$id/edit' });
caseEditRoute.update({ component: withParams(caseEditRoute, CaseEditPage, 'id') });
// Events 活动 and action items 督办事项 (issue 10).
const eventsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/events',
  validateSearch: parseEventsSearch,
  component: function EventsRoute() {
    return <EventsPage search={eventsRoute.useSearch()} onSearch={useSearchUpdater<EventsSearch>()} />;
  },
});
const eventRoute = createRoute({ getParentRoute: () => shellRoute, path: '/events/$id' });
eventRoute.update({ component: withParams(eventRoute, EventPage, 'id') });
const actionsRoute = createRoute({ getParentRoute: () => shellRoute, path: '/actions', component: () => <ActionsPage /> });
// The dashboards 统计看板 (issue 10): the drill-down and the filters live in the search.
const dashboardRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/dashboard',
  validateSearch: parseDashboardSearch,
  component: function DashboardRoute() {
    return <DashboardPage search={dashboardRoute.useSearch()} onSearch={useSearchUpdater<DashboardSearch>()} />;
  },
});
// What of each pilot the public portal (/portal, server-rendered) shows (issue 10).
const portalPublishingRoute = createRoute({ getParentRoute: () => shellRoute, path: '/portal-publishing', component: () => <PortalPublishingPage /> });

const routeTree = rootRoute.addChildren([
  loginRoute,
  printRoute,
  shellRoute.addChildren([
    homeRoute,
    detailRoute,
    editRoute,
    versionRoute,
    adminRoute,
    auditRoute,
    jobsRoute,
    expertsRoute,
    reviewsRoute,
    reviewBatchRoute,
    reviewSettingsRoute,
    assignmentRoute,
    pilotsRoute,
    pilotRoute,
    attainmentRoute,
    scheduleSettingsRoute,
    resourcesRoute,
    consultingRoute,
    provinceRoute,
    pilotReportsRoute,
    reportsDueRoute,
    reportRoute,
    rectificationsRoute,
    rectificationRoute,
    noticesRoute,
    securityRoute,
    evaluationsRoute,
    evaluationSchemeRoute,
    evaluationRoute,
    casesRoute,
    caseBookRoute,
    casesMineRoute,
    caseReviewRoute,
    caseNewRoute,
    caseRoute,
    caseEditRoute,
    eventsRoute,
    eventRoute,
    actionsRoute,
    dashboardRoute,
    portalPublishingRoute,
  ]),
]);

/** Plain query strings (?tab=all&page=2): every value a string, empty values left out. */
function parseSearch(searchStr: string): Record<string, unknown> {
  return Object.fromEntries(new URLSearchParams(searchStr));
}
function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export const router = createRouter({ routeTree, parseSearch, stringifySearch, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
