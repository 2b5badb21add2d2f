/**
 * 智库咨询 (/consulting): the consulting requests in the user's scope. A pilot city asks; the
 * ministry's planning department matches experts (candidates by expertise, the excluded with the
 * reason), records the service given, or closes a request. Each row offers only the steps its
 * abilities allow; status is shown as text, not colour alone.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { formatDate, formatDateTime } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import { useMe } from '../../auth/ui/public';
import { pilotsQueries } from '../../pilots/ui/public';
import type { ConsultingRequest, ConsultingStatus } from '../consulting.contract';
import { AskModal, CloseModal, MatchModal, ServeModal } from './consulting-modals';
import { consultingQueries } from './consulting-queries';
import { useI18n } from './i18n';

const STATUS_COLOR: Record<ConsultingStatus, string> = { requested: 'gold', matched: 'blue', served: 'green', closed: 'default' };
const STATUSES: ConsultingStatus[] = ['requested', 'matched', 'served', 'closed'];

type Step = { kind: 'match' | 'serve' | 'close'; request: ConsultingRequest } | null;

export default function ConsultingPage() {
  const { t } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('consulting.read');
  const [status, setStatus] = useState<ConsultingStatus | 'all'>('all');
  const [asking, setAsking] = useState(false);
  const [step, setStep] = useState<Step>(null);
  const list = useQuery({ ...consultingQueries.list(status === 'all' ? undefined : status), enabled: allowed });
  const canAsk = me.permissions.includes('consulting.request');
  const pilots = useQuery({ ...pilotsQueries.list(), enabled: allowed && canAsk });

  if (!allowed) return <Result status="403" title={t('cons.noAccess')} />;

  const statusText = (s: ConsultingStatus) => t(`cons.status.${s}`);
  const columns: TableColumnsType<ConsultingRequest> = [
    { title: t('cons.pilot'), dataIndex: 'pilotName', width: 150, render: (v: string, r) => <span>{v} {r.isDemo && <DemoTag />}</span> },
    { title: t('cons.topic'), dataIndex: 'topic' },
    { title: t('cons.fields'), dataIndex: 'fields', width: 180, render: (v: string[]) => v.join('、') },
    { title: t('cons.status'), dataIndex: 'status', width: 120, render: (s: ConsultingStatus) => <Tag color={STATUS_COLOR[s]} data-testid="consulting-status">{statusText(s)}</Tag> },
    { title: t('cons.experts'), key: 'experts', width: 180, render: (_, r) => (r.experts.length ? r.experts.map((e) => e.name).join('、') : '—') },
    { title: t('cons.requestedAt'), dataIndex: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('cons.actions'),
      key: 'actions',
      width: 230,
      render: (_, r) => (
        <Space size="small" wrap>
          {r.abilities.includes('match') && (
            <Button size="small" type="primary" onClick={() => setStep({ kind: 'match', request: r })} data-testid={`consulting-match-${r.id}`}>
              {t('cons.match')}
            </Button>
          )}
          {r.abilities.includes('serve') && (
            <Button size="small" onClick={() => setStep({ kind: 'serve', request: r })} data-testid={`consulting-serve-${r.id}`}>
              {t('cons.serve')}
            </Button>
          )}
          {r.abilities.includes('close') && (
            <Button size="small" danger onClick={() => setStep({ kind: 'close', request: r })} data-testid={`consulting-close-${r.id}`}>
              {t('cons.close')}
            </Button>
          )}
          {r.abilities.length === 0 && <span className="muted">—</span>}
        </Space>
      ),
    },
  ];

  return (
    <div className="page" data-testid="consulting">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('cons.title')}
        </h1>
        {canAsk && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!pilots.data?.items.length} onClick={() => setAsking(true)} data-testid="consulting-ask">
            {t('cons.ask')}
          </Button>
        )}
      </div>
      <div className="panel">
        <p className="muted">{t('cons.intro')}</p>
        <Segmented<ConsultingStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[{ value: 'all', label: t('cons.all') }, ...STATUSES.map((s) => ({ value: s, label: statusText(s) }))]}
          data-testid="consulting-filter"
        />
      </div>
      <div className="panel">
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <Table<ConsultingRequest>
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('cons.none') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ 'data-testid': `consulting-row-${r.topic}` }) as HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (r) => (
              <div className="small" data-testid={`consulting-detail-${r.id}`}>
                <p>
                  <strong>{t('cons.description')}：</strong>
                  {r.description}
                </p>
                {r.experts.length > 0 && (
                  <p>
                    <strong>{t('cons.experts')}：</strong>
                    {r.experts.map((e) => `${e.name}（${e.organisation}${e.title ? `，${e.title}` : ''}）`).join('；')}
                  </p>
                )}
                {r.serviceRecord && (
                  <p>
                    <strong>{t('cons.service')}（{formatDate(r.servedOn)}）：</strong>
                    {r.serviceRecord}
                  </p>
                )}
              </div>
            ),
          }}
          data-testid="consulting-list"
        />
      </div>
      {asking && <AskModal pilots={pilots.data?.items ?? []} onClose={() => setAsking(false)} />}
      {step?.kind === 'match' && <MatchModal request={step.request} onClose={() => setStep(null)} />}
      {step?.kind === 'serve' && <ServeModal request={step.request} onClose={() => setStep(null)} />}
      {step?.kind === 'close' && <CloseModal request={step.request} onClose={() => setStep(null)} />}
    </div>
  );
}
