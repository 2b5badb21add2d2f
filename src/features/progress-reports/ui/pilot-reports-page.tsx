/**
 * A pilot's reporting calendar (/pilots/:id/reports): every period with its dates, status, due date
 * and overdue flag, and a link to the report where the user may open it.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Table, Typography, type TableColumnsType } from 'antd';
import { REPORT_FREQUENCY_LABELS } from '../../../shared/monitoring/reporting-periods';
import { QueryState } from '../../../web-kit/query';
import type { ReportSummary } from '../progress-reports.contract';
import { useI18n } from './i18n';
import { reportsQueries } from './progress-reports-queries';
import { DueCell, ReportStatusTag } from './report-tags';

export default function PilotReportsPage({ id }: { id: string }) {
  const { t, l } = useI18n();
  const query = useQuery(reportsQueries.ofPilot(id));
  const columns: TableColumnsType<ReportSummary> = [
    { title: t('reports.period'), key: 'period', render: (_v, r) => l(r.periodText) },
    { title: t('reports.range'), key: 'range', render: (_v, r) => `${r.periodStart} — ${r.periodEnd}` },
    { title: t('reports.dueDate'), key: 'due', render: (_v, r) => <DueCell report={r} /> },
    { title: t('reports.status'), key: 'status', render: (_v, r) => <ReportStatusTag status={r.status} /> },
    {
      title: '',
      key: 'open',
      render: (_v, r) =>
        r.abilities.includes('open') ? (
          <Link to="/reports/$id" params={{ id: r.id }} data-testid={`open-report-${r.period}`}>
            {t(r.abilities.includes('edit') ? 'reports.fill' : 'reports.open')}
          </Link>
        ) : null,
    },
  ];
  return (
    <QueryState query={query}>
      {(data) => (
        <div className="page" data-testid="pilot-reports-page">
          <Link to="/pilots/$id" params={{ id }} data-testid="back-to-pilot">
            {t('reports.backToPilot')}
          </Link>
          <Typography.Title level={3}>{t('reports.pilotTitle', { name: data.pilot.name })}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
          <p>
            {t('reports.frequency')}：<span data-testid="report-frequency">{l(REPORT_FREQUENCY_LABELS[data.pilot.reportFrequency])}</span>
          </p>
          <Table rowKey="id" columns={columns} dataSource={data.items} pagination={false} data-testid="pilot-reports" locale={{ emptyText: t('reports.none') }} onRow={(r) => ({ 'data-testid': `report-row-${r.period}` }) as React.HTMLAttributes<HTMLElement>} />
        </div>
      )}
    </QueryState>
  );
}
