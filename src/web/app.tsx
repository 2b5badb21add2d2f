/**
 * The route table and the sign-in gate. Pages are lazy-loaded so the first screen stays small.
 */
import { Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useT } from './i18n';
import { Link, matchRoutes, navigate, useLocation } from './router';
import { loginPath, useSession } from './session';
import { AppShell } from './shell';

const LoginPage = lazy(() => import('../features/auth/ui/login-page'));
const WorkQueuePage = lazy(() => import('../features/applications/ui/work-queue-page'));
const ApplicationDetailPage = lazy(() => import('./pages/application-detail-page'));
const PlanEditorPage = lazy(() => import('../features/applications/ui/editor/plan-editor-page'));
const PrintPage = lazy(() => import('../features/applications/ui/print-page'));
const VersionPage = lazy(() => import('../features/applications/ui/version-page'));
const AdminPage = lazy(() => import('../features/accounts/ui/admin-page'));
const ExpertsPage = lazy(() => import('../features/experts/ui/experts-page'));
const AssignmentsPage = lazy(() => import('../features/ministry-review/ui/assignments-page'));
const AssignmentPage = lazy(() => import('../features/ministry-review/ui/assignment-page'));
const BatchReviewPage = lazy(() => import('../features/ministry-review/ui/batch-page'));
const ReviewSettingsPage = lazy(() => import('../features/ministry-review/ui/settings-page'));
const PilotsPage = lazy(() => import('../features/pilots/ui/pilots-page'));
const PilotPage = lazy(() => import('../features/pilots/ui/pilot-page'));

const ROUTES = [
  { name: 'login', path: '/login' },
  { name: 'home', path: '/' },
  { name: 'detail', path: '/applications/:id' },
  { name: 'edit', path: '/applications/:id/edit' },
  { name: 'print', path: '/applications/:id/print' },
  { name: 'version', path: '/applications/:id/versions/:versionId' },
  { name: 'admin', path: '/admin' },
  { name: 'experts', path: '/experts' },
  { name: 'reviews', path: '/review' },
  // Before '/review/:panelId', which would match it too.
  { name: 'reviewBatch', path: '/review/batch' },
  { name: 'reviewSettings', path: '/review/settings' },
  { name: 'assignment', path: '/review/:panelId' },
  { name: 'pilots', path: '/pilots' },
  { name: 'pilot', path: '/pilots/:id' },
] as const;

function Loading() {
  return (
    <div className="page-loading">
      <Spin size="large" />
    </div>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Link to="/" className="ant-btn">
          {t('app.backHome')}
        </Link>
      }
    />
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

export function AppRoutes() {
  const { state } = useSession();
  const { pathname, search } = useLocation();
  const match = matchRoutes(ROUTES, pathname);

  if (state.status === 'loading') return <Loading />;

  if (match?.name === 'login') {
    if (state.status === 'signed-in') {
      const next = new URLSearchParams(search).get('next');
      return <Redirect to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} />;
    }
    return (
      <Suspense fallback={<Loading />}>
        <LoginPage />
      </Suspense>
    );
  }
  if (state.status === 'signed-out') return <Redirect to={loginPath()} />;

  let page: ReactNode;
  switch (match?.name) {
    case 'home':
      // The platform administrator has no application work: their home is account administration.
      if (state.me.permissions.includes('user.manage') && !state.me.permissions.includes('application.read')) {
        return <Redirect to="/admin" />;
      }
      // The leading group's observer reads the pilots filed with it; an expert works through review tasks.
      if (state.me.user.role === 'leading_group_observer') page = <PilotsPage />;
      else if (state.me.user.role === 'expert') page = <AssignmentsPage />;
      else page = <WorkQueuePage />;
      break;
    case 'reviews':
      page = <AssignmentsPage />;
      break;
    case 'reviewBatch':
      page = <BatchReviewPage />;
      break;
    case 'reviewSettings':
      page = <ReviewSettingsPage />;
      break;
    case 'assignment':
      page = <AssignmentPage key={match.params.panelId} panelId={match.params.panelId!} />;
      break;
    case 'pilots':
      page = <PilotsPage />;
      break;
    case 'pilot':
      page = <PilotPage key={match.params.id} id={match.params.id!} />;
      break;
    case 'admin':
      page = <AdminPage />;
      break;
    case 'experts':
      page = <ExpertsPage />;
      break;
    case 'detail':
      page = <ApplicationDetailPage key={match.params.id} id={match.params.id!} />;
      break;
    case 'edit':
      page = <PlanEditorPage key={match.params.id} id={match.params.id!} />;
      break;
    case 'version':
      page = <VersionPage key={match.params.versionId} id={match.params.id!} versionId={match.params.versionId!} />;
      break;
    case 'print':
      // The printed plan is a document of its own: no shell around it.
      return (
        <Suspense fallback={<Loading />}>
          <PrintPage id={match.params.id!} />
        </Suspense>
      );
    default:
      page = <NotFound />;
  }
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </AppShell>
  );
}
