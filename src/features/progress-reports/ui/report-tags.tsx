/** The status and the timing of a report as tags: colour and text (never colour alone). */
import { Tag } from 'antd';
import type { ReportSummary } from '../progress-reports.contract';
import { useI18n, type MessageKey } from './i18n';

const STATUS: Record<ReportSummary['status'], { key: MessageKey; color: string }> = {
  draft: { key: 'status.draft', color: 'default' },
  submitted: { key: 'status.submitted', color: 'processing' },
  returned: { key: 'status.returned', color: 'warning' },
  confirmed: { key: 'status.confirmed', color: 'success' },
};

const TIMING: Record<ReportSummary['timing'], MessageKey> = {
  upcoming: 'timing.upcoming',
  current: 'timing.current',
  due: 'timing.due',
  overdue: 'timing.overdue',
};

export function ReportStatusTag({ status }: { status: ReportSummary['status'] }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <Tag color={s.color} data-testid="report-status" data-status={status}>
      {t(s.key)}
    </Tag>
  );
}

/** Due date with the days left, or the overdue flag once past it and not submitted. */
export function DueCell({ report }: { report: Pick<ReportSummary, 'dueDate' | 'overdue' | 'daysUntilDue' | 'timing' | 'status'> }) {
  const { t } = useI18n();
  const delivered = report.status === 'submitted' || report.status === 'confirmed';
  return (
    <span data-testid="report-due">
      {report.dueDate}{' '}
      {report.overdue ? (
        <Tag color="error" data-testid="report-overdue">
          {t('timing.overdue')} · {t('reports.daysLate', { n: -report.daysUntilDue })}
        </Tag>
      ) : !delivered && report.timing === 'due' ? (
        <Tag color="warning">{t('reports.daysLeft', { n: report.daysUntilDue })}</Tag>
      ) : !delivered ? (
        <span className="muted small">{t(TIMING[report.timing])}</span>
      ) : null}
    </span>
  );
}
