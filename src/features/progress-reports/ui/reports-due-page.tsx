/**
 * What is due (/reports): for the province and the ministry (and a city, for its own pilots), the
 * counts of due, overdue, submitted and confirmed reports, and the list of the chosen kind.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Col, Row, Segmented, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { QueryState } from '../../../web-kit/query';
import { pilotsQueries } from '../../pilots/ui/public';
import type { DueState, ReportSummary } from '../progress-reports.contract';
import { useI18n, type MessageKey } from './i18n';
import { reportsQueries } from './progress-reports-queries';
import { DueCell, ReportStatusTag } from './report-tags';

const LABEL: Record<DueState, MessageKey> = { due: 'due.due', overdue: 'due.overdue', submitted: 'due.submitted', confirmed: 'due.confirmed' };
const DUE_STATES = Object.keys(LABEL) as DueState[];

export default function ReportsDuePage() {
  const { t, l } = useI18n();
  const [state, setState] = useState<DueState | 'all'>('overdue');
  const counts = useQuery(reportsQueries.due());
  const list = useQuery(reportsQueries.due(state === 'all' ? undefined : state));
  const pilots = useQuery(pilotsQueries.list());
  const columns: TableColumnsType<ReportSummary> = [
    {
      title: t('due.pilot'),
      key: 'pilot',
      render: (_v, r) => (
        <Link to="/pilots/$id/reports" params={{ id: r.pilotId }} data-testid={`due-pilot-${r.id}`}>
          {r.pilotName}
        </Link>
      ),
    },
    { title: t('reports.period'), key: 'period', render: (_v, r) => l(r.periodText) },
    { title: t('reports.dueDate'), key: 'due', render: (_v, r) => <DueCell report={r} /> },
    { title: t('reports.status'), key: 'status', render: (_v, r) => <ReportStatusTag status={r.status} /> },
    {
      title: '',
      key: 'open',
      render: (_v, r) =>
        r.abilities.includes('open') ? (
          <Link to="/reports/$id" params={{ id: r.id }} data-testid={`due-open-${r.id}`}>
            {t('reports.open')}
          </Link>
        ) : null,
    },
  ];
  return (
    <div className="page" data-testid="reports-due-page">
      <Typography.Title level={3}>{t('due.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('due.intro')}</Typography.Paragraph>
      <QueryState query={counts}>
        {(data) => (
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {DUE_STATES.map((s) => (
              <Col key={s} xs={12} md={6}>
                <Card
                  size="small"
                  hoverable
                  role="button"
                  tabIndex={0}
                  onClick={() => setState(s)}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setState(s)}
                  data-testid={`due-count-${s}`}
                  aria-pressed={state === s}
                >
                  <Statistic title={t(LABEL[s])} value={data.counts[s]} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
      <Segmented
        value={state}
        onChange={(v) => setState(v as DueState | 'all')}
        options={[...DUE_STATES.map((s) => ({ value: s, label: t(LABEL[s]) })), { value: 'all', label: t('due.all') }]}
        data-testid="due-filter"
        style={{ marginBottom: 12 }}
      />
      <QueryState query={list}>
        {(data) => <Table rowKey="id" columns={columns} dataSource={data.items} pagination={{ pageSize: 20 }} data-testid="due-list" locale={{ emptyText: t('reports.none') }} />}
      </QueryState>
      {pilots.data && pilots.data.items.length > 0 && (
        <nav aria-label={t('due.calendar')} style={{ marginTop: 16 }} data-testid="due-calendars">
          <Typography.Title level={5}>{t('due.calendar')}</Typography.Title>
          <Space wrap>
            {pilots.data.items.map((p) => (
              <Link key={p.id} to="/pilots/$id/reports" params={{ id: p.id }} data-testid={`calendar-${p.id}`}>
                {p.name}
              </Link>
            ))}
          </Space>
        </nav>
      )}
    </div>
  );
}
