/**
 * The failed jobs (失败任务) for the platform administrator, under the admin area (/admin/jobs): the
 * background jobs whose retries are spent — an e-mail the SMTP server kept refusing, a sweep that kept
 * failing — newest first, with the last error, and a retry for each one that names a queue of ours.
 */
import { ReloadOutlined, RedoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Result, Table, Typography, type TableColumnsType } from 'antd';
import { useMe } from '../../auth/ui/public';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import type { DeadLetterJob } from '../notifications.contract';
import { useI18n, type MessageKey } from './i18n';
import { jobQueries, useRetryDeadLetter } from './jobs-queries';

const QUEUE_LABELS: Record<string, MessageKey> = {
  'email.send': 'jobs.queue.email.send',
  'outbox.dispatch': 'jobs.queue.outbox.dispatch',
  'sweep.review-reminders': 'jobs.queue.sweep.review-reminders',
  'sweep.report-reminders': 'jobs.queue.sweep.report-reminders',
};

export default function DeadLetterPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const allowed = me.permissions.includes('user.manage');
  const query = useQuery({ ...jobQueries.deadLetters(), enabled: allowed });
  const retry = useRetryDeadLetter();

  if (!allowed) {
    return (
      <div className="page">
        <Result status="403" title={t('jobs.noAccess')} />
      </div>
    );
  }

  const queueName = (queue: string | null) => {
    const key = queue ? QUEUE_LABELS[queue] : undefined;
    return key ? t(key) : t('jobs.queue.unknown');
  };

  const onRetry = async (job: DeadLetterJob) => {
    try {
      await retry.mutateAsync(job.id);
      void message.success(t('jobs.retried', { queue: queueName(job.queue) }));
    } catch (err) {
      showError(err);
    }
  };

  const columns: TableColumnsType<DeadLetterJob> = [
    { title: t('jobs.col.failedAt'), dataIndex: 'failedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('jobs.col.job'),
      dataIndex: 'queue',
      width: 200,
      render: (q: string | null) => (
        <div>
          <div>{queueName(q)}</div>
          <div className="muted small mono">{q ?? '—'}</div>
        </div>
      ),
    },
    {
      title: t('jobs.col.detail'),
      key: 'detail',
      render: (_v, job) =>
        job.email ? (
          <div>
            <div>{job.email.subject}</div>
            <div className="muted small">
              {t('jobs.email', { to: job.email.toAddress })} · {t('jobs.attempts', { n: job.email.attempts })}
            </div>
          </div>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: t('jobs.col.error'),
      dataIndex: 'error',
      render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : <span className="muted">—</span>),
    },
    {
      title: t('jobs.col.actions'),
      key: 'actions',
      width: 140,
      render: (_v, job) =>
        job.abilities.includes('retry') ? (
          <Button
            size="small"
            icon={<RedoOutlined />}
            loading={retry.isPending && retry.variables === job.id}
            onClick={() => void onRetry(job)}
            data-testid={`btn-retry-${job.id}`}
            aria-label={`${t('jobs.retry')} ${queueName(job.queue)}`}
          >
            {t('jobs.retry')}
          </Button>
        ) : (
          <span className="muted small">{t('jobs.notRetryable')}</span>
        ),
    },
  ];

  return (
    <div className="page" data-testid="jobs-page">
      <div className="page-head">
        <div>
          <h1 className="page-title" data-testid="page-title">
            {t('jobs.title')}
          </h1>
          <div className="muted">{t('jobs.subtitle')}</div>
        </div>
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching} data-testid="btn-refresh-jobs">
          {t('jobs.refresh')}
        </Button>
      </div>
      <div className="panel">
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            {query.data && !query.data.installed && <Alert type="info" showIcon title={t('jobs.notInstalled')} style={{ marginBottom: 16 }} data-testid="jobs-not-installed" />}
            <Table<DeadLetterJob>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={query.data?.items ?? []}
              loading={query.isPending}
              data-testid="dead-letter-table"
              locale={{ emptyText: t('jobs.empty') }}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('jobs.total', { n }) }}
            />
          </>
        )}
      </div>
    </div>
  );
}
