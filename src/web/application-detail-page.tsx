/**
 * One application: its facts, the actions the server allows this user now, and tabs for the plan,
 * the checker's findings, the provincial reviews, attachments, versions and history.
 * This is also the provincial review screen (forward / return) and the ministry's receipt screen.
 */
import { AuditOutlined, CheckCircleOutlined, EditOutlined, ExportOutlined, PrinterOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { App, Alert, Badge, Button, Descriptions, Space, Tabs } from 'antd';
import { useState } from 'react';
import type { ApplicationDetail, TransitionResult } from '../features/applications/applications.contract';
import { applicationLinks } from '../features/applications/ui/applications-api';
import { applicationChanged, applicationsQueries } from '../features/applications/ui/applications-queries';
import { FindingsList } from '../features/applications/ui/findings-list';
import { HistoryTimeline } from '../features/applications/ui/history-timeline';
import { PlanDocument } from '../features/applications/ui/plan-document';
import { BLOCK_LABEL_KEYS, locateFinding } from '../features/applications/ui/plan-layout';
import { SubmitModal } from '../features/applications/ui/submit-modal';
import { VersionsTable } from '../features/applications/ui/versions-table';
import { AttachmentsPanel } from '../features/attachments/ui/attachments-panel';
import { useMe } from '../features/auth/ui/public';
import { DossierButton } from '../features/dossier/ui/public';
import { IntakePanel } from '../features/ministry-intake/ui/intake-panel';
import { ReceiveModal } from '../features/ministry-intake/ui/receive-modal';
import { ReviewActions, ReviewTab } from '../features/ministry-review/ui/public';
import { ForwardModal } from '../features/provincial-review/ui/forward-modal';
import { ReturnModal } from '../features/provincial-review/ui/return-modal';
import { ReviewsPanel } from '../features/provincial-review/ui/reviews-panel';
import { useDivisions } from '../features/reference/ui/public';
import { ACTION_LABELS, STATE_LABELS, type ApplicationAction } from '../shared/lifecycle/application-lifecycle';
import { PLAN_OUTLINE } from '../shared/plan/outline';
import { formatDateTime } from '../web-kit/format';
import { QueryState } from '../web-kit/query';
import { DemoTag, StatusTag } from '../web-kit/status-tag';
import { useI18n } from './i18n';

type ModalName = 'submit' | 'forward' | 'return' | 'receive' | null;

/** The ministry review's decisions, offered by that feature's own buttons. */
const REVIEW_ACTIONS: ReadonlySet<ApplicationAction> = new Set(['open_review', 'approve', 'send_back', 'reject']);

const TABS = ['plan', 'findings', 'reviews', 'review', 'attachments', 'versions', 'history'] as const;

interface Props {
  id: string;
  search: { tab?: string };
  onSearch: (patch: { tab?: string }) => void;
}

export default function ApplicationDetailPage({ id, search, onSearch }: Props) {
  const { t } = useI18n();
  const query = useQuery(applicationsQueries.detail(id));
  return (
    <QueryState query={query} notFoundTitle={t('detail.notFound')}>
      {(detail) => <Detail detail={detail} search={search} onSearch={onSearch} />}
    </QueryState>
  );
}

function Detail({ detail, search, onSearch }: { detail: ApplicationDetail } & Omit<Props, 'id'>) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const divisions = useDivisions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [modal, setModal] = useState<ModalName>(null);
  // The ministry review's parts still reload on a signal of their own.
  const [refreshKey, setRefreshKey] = useState(0);
  const tab = (TABS as readonly string[]).includes(search.tab ?? '') ? search.tab! : 'plan';

  const refresh = () => {
    void applicationChanged(queryClient, detail.application.id);
    setRefreshKey((k) => k + 1);
  };

  // The transition's mutation has already refreshed the application.
  const onTransition = (r: TransitionResult) => {
    setModal(null);
    void message.success(t('detail.done', { status: l(STATE_LABELS[r.status]) }));
    setRefreshKey((k) => k + 1);
  };

  const { application: a, plan, findings, allowedActions } = detail;
  const allowed = new Set(allowedActions);
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  const cities = a.cities.map((c) => divisions?.nameOf(c.cityCode) ?? c.cityCode).join('、');
  const can = new Set(a.abilities);

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
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate({ to: '/applications/$id/edit', params: { id: a.id } })} data-testid="btn-edit">
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
          {/* Stays mounted for the planning department once the decision is taken, so the approval
              dialog can show the 批复 downloads after the application has turned 'approved'. */}
          {(allowedActions.some((x) => REVIEW_ACTIONS.has(x)) || me.permissions.includes('review.manage')) && (
            <ReviewActions applicationId={a.id} version={a.version} allowedActions={allowedActions} refreshKey={refreshKey} onChanged={refresh} />
          )}
          {allowed.size === 0 && <span className="muted">{t('detail.noActions')}</span>}
        </Space>
        <Space>
          {can.has('export') && (
            <Button icon={<ExportOutlined />} href={applicationLinks.exportPlan(a.id)} data-testid="btn-export">
              {t('detail.exportJson')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} href={`/applications/${a.id}/print`} target="_blank" data-testid="btn-print">
            {t('detail.print')}
          </Button>
          <DossierButton kind="application" id={a.id} />
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
          onChange={(k) => onSearch({ tab: k === 'plan' ? undefined : k })}
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
                  canUpload={can.has('uploadAttachment')}
                />
              ),
            },
            { key: 'versions', label: t('detail.tab.versions'), children: <VersionsTable applicationId={a.id} /> },
            { key: 'history', label: t('detail.tab.history'), children: <HistoryTimeline applicationId={a.id} /> },
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
