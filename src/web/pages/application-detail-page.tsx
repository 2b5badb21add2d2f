/**
 * One application: its facts, the actions the server allows this user now, and tabs for the plan,
 * the checker's findings, the provincial reviews, attachments, versions and history.
 * This is also the provincial review screen (forward / return) and the ministry's receipt screen.
 */
import { AuditOutlined, CheckCircleOutlined, EditOutlined, ExportOutlined, PrinterOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App, Alert, Badge, Button, Descriptions, Result, Space, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { AttachmentsPanel } from '../../features/attachments/ui/attachments-panel';
import { HistoryTimeline } from '../../features/applications/ui/history-timeline';
import { PlanDocument } from '../../features/applications/ui/plan-document';
import { SubmitModal } from '../../features/applications/ui/submit-modal';
import { VersionsTable } from '../../features/applications/ui/versions-table';
import { IntakePanel } from '../../features/ministry-intake/ui/intake-panel';
import { ReviewActions } from '../../features/ministry-review/ui/review-actions';
import { ReviewTab } from '../../features/ministry-review/ui/review-tab';
import { ReceiveModal } from '../../features/ministry-intake/ui/receive-modal';
import { ForwardModal } from '../../features/provincial-review/ui/forward-modal';
import { ReturnModal } from '../../features/provincial-review/ui/return-modal';
import { ReviewsPanel } from '../../features/provincial-review/ui/reviews-panel';
import { ACTION_LABELS, STATE_LABELS } from '../../shared/lifecycle/application-lifecycle';
import { PLAN_OUTLINE } from '../../shared/plan/outline';
import { api, ApiError, links, type ApplicationDetail, type TransitionResult } from '../api';
import { FindingsList } from '../components/findings-list';
import { DemoTag, StatusTag } from '../components/status-tag';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { BLOCK_LABEL_KEYS, locateFinding } from '../lib/plan-layout';
import { useDivisions } from '../lib/reference';
import { Link, navigate, setQuery, useQuery } from '../router';
import { useMe } from '../session';

type ModalName = 'submit' | 'forward' | 'return' | 'receive' | null;

const TABS = ['plan', 'findings', 'reviews', 'review', 'attachments', 'versions', 'history'] as const;

export default function ApplicationDetailPage({ id }: { id: string }) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const divisions = useDivisions();
  const query = useQuery();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [modal, setModal] = useState<ModalName>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const tabParam = query.get('tab');
  const tab = (TABS as readonly string[]).includes(tabParam ?? '') ? tabParam! : 'plan';

  const load = useCallback(() => {
    api.application(id).then(
      (d) => {
        setDetail(d);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [id]);

  useEffect(load, [load]);

  const refresh = () => {
    load();
    setRefreshKey((k) => k + 1);
  };

  const onTransition = (r: TransitionResult) => {
    setModal(null);
    void message.success(t('detail.done', { status: l(STATE_LABELS[r.status]) }));
    refresh();
  };

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('detail.notFound') : t('detail.loadFailed')}
        subTitle={errorText(error, locale)}
        extra={<Link to="/">{t('app.backHome')}</Link>}
      />
    );
  }
  if (!detail) return <Spin className="page-loading" size="large" />;

  const { application: a, plan, findings, allowedActions } = detail;
  const allowed = new Set(allowedActions);
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  const cities = a.cities.map((c) => divisions?.nameOf(c.cityCode) ?? c.cityCode).join('、');
  const canExport = me.permissions.includes('application.export');

  const locate = (f: (typeof findings)[number]) => {
    const loc = locateFinding(f, plan);
    if (loc.partKey) {
      const chapter = PLAN_OUTLINE.find((c) => c.parts.some((p) => p.key === loc.partKey));
      const part = chapter?.parts.find((p) => p.key === loc.partKey);
      return chapter && part ? `${l(chapter)} › ${l(part)}` : undefined;
    }
    if (loc.anchor in BLOCK_LABEL_KEYS) {
      const label = t(BLOCK_LABEL_KEYS[loc.anchor as keyof typeof BLOCK_LABEL_KEYS]);
      const idx = loc.targetId ? plan.targets.findIndex((x) => x.id === loc.targetId) : -1;
      return idx >= 0 ? `${label} › ${t('target.numberN', { n: idx + 1 })}` : label;
    }
    return undefined;
  };

  return (
    <div className="page" data-testid="application-detail">
      <div className="page-head">
        <div>
          <h1 className="page-title">
            {a.title || t('app.untitled')} <StatusTag status={a.status} /> {a.isDemo && <DemoTag />}
          </h1>
          <div className="muted mono" data-testid="ref-no">
            {a.refNo}
          </div>
        </div>
      </div>

      <div className="action-bar no-print">
        <Space wrap>
          {allowed.has('save') && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/applications/${a.id}/edit`)} data-testid="btn-edit">
              {t('detail.edit')}
            </Button>
          )}
          {allowed.has('submit') && (
            <Button icon={<SendOutlined />} onClick={() => setModal('submit')} data-testid="btn-submit">
              {l(ACTION_LABELS.submit)}
            </Button>
          )}
          {allowed.has('forward') && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setModal('forward')} data-testid="btn-forward">
              {l(ACTION_LABELS.forward)}
            </Button>
          )}
          {allowed.has('return') && (
            <Button danger icon={<RollbackOutlined />} onClick={() => setModal('return')} data-testid="btn-return">
              {l(ACTION_LABELS.return)}
            </Button>
          )}
          {allowed.has('receive') && (
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setModal('receive')} data-testid="btn-receive">
              {l(ACTION_LABELS.receive)}
            </Button>
          )}
          {me.user.role === 'ministry_planning' && (
            <ReviewActions applicationId={a.id} version={a.version} allowedActions={allowedActions} refreshKey={refreshKey} onChanged={refresh} />
          )}
          {allowed.size === 0 && <span className="muted">{t('detail.noActions')}</span>}
        </Space>
        <Space>
          {canExport && (
            <Button icon={<ExportOutlined />} href={links.exportPlan(a.id)} data-testid="btn-export">
              {t('detail.exportJson')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} href={`/applications/${a.id}/print`} target="_blank" data-testid="btn-print">
            {t('detail.print')}
          </Button>
        </Space>
      </div>

      {a.status === 'returned' && allowed.has('save') && (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          title={t('detail.returnedNotice')}
          description={
            <div className="pre-wrap">
              {detail.provincialReviews
                .filter((r) => r.decision === 'returned' && r.round === a.round && r.opinion)
                .map((r) => r.opinion)
                .join('\n')}
            </div>
          }
          data-testid="returned-notice"
        />
      )}

      <div className="panel">
        <Descriptions
          size="small"
          column={3}
          data-testid="application-facts"
          items={[
            { key: 'applicant', label: t('app.applicant'), children: a.applicantName },
            { key: 'cities', label: t('app.cities'), children: cities || '—', span: 2 },
            { key: 'year', label: t('cover.applicationYear'), children: t('detail.yearWithTargets', { year: a.applicationYear, from: a.applicationYear + 1, to: a.applicationYear + 3 }) },
            { key: 'round', label: t('detail.round'), children: a.round > 0 ? t('app.roundN', { n: a.round }) : '—' },
            { key: 'version', label: t('detail.version'), children: t('versions.vN', { n: a.version }) },
            { key: 'created', label: t('detail.createdAt'), children: formatDateTime(a.createdAt) },
            { key: 'submitted', label: t('detail.submittedAt'), children: formatDateTime(a.submittedAt) },
            { key: 'forwarded', label: t('app.forwardedAt'), children: formatDateTime(a.forwardedAt) },
            { key: 'received', label: t('detail.receivedAt'), children: formatDateTime(a.receivedAt) },
            { key: 'updated', label: t('app.updatedAt'), children: formatDateTime(a.updatedAt) },
          ]}
        />
        {detail.intake && (
          <div className="intake-gap">
            <IntakePanel intake={detail.intake} />
          </div>
        )}
      </div>

      <div className="panel">
        <Tabs
          activeKey={tab}
          onChange={(k) => setQuery({ tab: k === 'plan' ? undefined : k })}
          items={[
            { key: 'plan', label: t('detail.tab.plan'), children: <PlanDocument plan={plan} /> },
            {
              key: 'findings',
              label: (
                <span data-testid="tab-findings">
                  {t('detail.tab.findings')}{' '}
                  {findings.length > 0 && <Badge count={findings.length} color={blocking > 0 ? '#cf1322' : '#d48806'} size="small" />}
                </span>
              ),
              children: <FindingsList findings={findings} locate={locate} emptyText={t('findings.allClear')} />,
            },
            { key: 'reviews', label: t('detail.tab.reviews'), children: <ReviewsPanel reviews={detail.provincialReviews} /> },
            ...(me.permissions.includes('review.read')
              ? [
                  {
                    key: 'review',
                    label: <span data-testid="tab-review">{t('detail.tab.review')}</span>,
                    children: <ReviewTab applicationId={a.id} status={a.status} refreshKey={refreshKey} onChanged={refresh} />,
                  },
                ]
              : []),
            {
              key: 'attachments',
              label: `${t('detail.tab.attachments')}${detail.attachments.length ? ` (${detail.attachments.length})` : ''}`,
              children: (
                <AttachmentsPanel
                  applicationId={a.id}
                  attachments={detail.attachments}
                  canUpload={allowed.has('save') && me.permissions.includes('attachment.upload')}
                  onUploaded={refresh}
                />
              ),
            },
            { key: 'versions', label: t('detail.tab.versions'), children: <VersionsTable applicationId={a.id} refreshKey={refreshKey} /> },
            { key: 'history', label: t('detail.tab.history'), children: <HistoryTimeline applicationId={a.id} refreshKey={refreshKey} /> },
          ]}
        />
      </div>

      <SubmitModal
        open={modal === 'submit'}
        applicationId={a.id}
        prepare={async () => a.version}
        blockingCount={blocking}
        onClose={() => setModal(null)}
        onSubmitted={onTransition}
      />
      <ForwardModal
        open={modal === 'forward'}
        applicationId={a.id}
        version={a.version}
        checkSummary={{ blocking, warning: findings.length - blocking }}
        onClose={() => setModal(null)} onDone={onTransition} />
      <ReturnModal open={modal === 'return'} applicationId={a.id} version={a.version} onClose={() => setModal(null)} onDone={onTransition} />
      <ReceiveModal open={modal === 'receive'} applicationId={a.id} version={a.version} onClose={() => setModal(null)} onDone={onTransition} />
    </div>
  );
}
