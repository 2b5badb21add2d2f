/**
 * The panel's scores as the ministry and (after submitting their own) the experts see them: one row
 * per expert with a column per criterion, and the aggregate per criterion and for the weighted
 * total (mean, median, standard deviation, range, spread) with the divergence warning.
 */
import { Alert, Progress, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { Summary } from '../../../shared/review/aggregation';
import { OPINION_LABELS, OPINIONS, type Opinion, type Rubric } from '../../../shared/review/rubric';
import { useI18n } from './i18n';
import { formatDateTime } from '../../../web-kit/format';
import type { ScoreAggregate, ScoreSheet } from '../review.contract';

/** A sheet as the tables show it; `mine` marks the expert's own among the panel's. */
type SheetRow = ScoreSheet & { mine?: boolean };

/** One decimal, without a trailing ".0". */
export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return String(Number(x.toFixed(digits)));
}

export const OPINION_COLORS: Record<Opinion, string> = {
  recommend: 'green',
  recommend_after_revision: 'gold',
  not_recommend: 'red',
};

export function OpinionTag({ opinion }: { opinion: Opinion }) {
  const { l } = useI18n();
  return <Tag color={OPINION_COLORS[opinion]}>{l(OPINION_LABELS[opinion])}</Tag>;
}

export function ScoreTable({ rubric, sheets, testId = 'score-table' }: { rubric: Rubric; sheets: SheetRow[]; testId?: string }) {
  const { t, l } = useI18n();
  const columns: TableColumnsType<SheetRow> = [
    {
      title: t('review.expert'),
      dataIndex: 'expertName',
      fixed: 'left',
      width: 120,
      render: (v: string, r) => (
        <span>
          {v}
          {r.mine && (
            <Tag color="blue" className="review-mine-tag">
              {t('review.mine')}
            </Tag>
          )}
        </span>
      ),
    },
    ...rubric.criteria.map((c) => ({
      key: c.key,
      title: (
        <Tooltip title={t('review.weightMax', { weight: Math.round(c.weight * 100), max: c.maxScore })}>
          <span>{l(c.name)}</span>
        </Tooltip>
      ),
      align: 'right' as const,
      width: 92,
      render: (_: unknown, r: SheetRow) => fmt(r.scores[c.key]),
    })),
    { title: t('review.weightedTotal'), dataIndex: 'total', align: 'right', width: 96, render: (v: number) => <strong>{fmt(v, 2)}</strong> },
    { title: t('review.opinion'), dataIndex: 'opinion', width: 120, render: (v: Opinion) => <OpinionTag opinion={v} /> },
    { title: t('review.comments'), dataIndex: 'comments', render: (v: string) => <div className="pre-wrap review-comments-cell">{v}</div> },
    { title: t('review.submittedAt'), dataIndex: 'submittedAt', width: 140, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Table<SheetRow>
      rowKey="expertId"
      size="small"
      columns={columns}
      dataSource={sheets}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('review.noScores') }}
      data-testid={testId}
      onRow={(r) => ({ 'data-testid': `score-row-${r.expertName}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}

interface AggRow {
  key: string;
  name: ReactNode;
  max: number;
  summary: Summary;
  spreadPer100: number;
  divergent: boolean;
  total?: boolean;
}

/** The aggregate table and, when the scores diverge, the warning listing the diverging criteria. */
export function AggregateView({ rubric, aggregate, divergenceAction }: { rubric: Rubric; aggregate: ScoreAggregate; divergenceAction?: ReactNode }) {
  const { t, l } = useI18n();
  const nameOf = (key: string) => {
    const c = rubric.criteria.find((x) => x.key === key);
    return c ? l(c.name) : key;
  };
  const rows: AggRow[] = [
    ...aggregate.criteria.map((c) => ({
      key: c.key,
      name: nameOf(c.key),
      max: c.maxScore,
      summary: c.summary,
      spreadPer100: c.spreadPer100,
      divergent: c.divergent,
    })),
    {
      key: '__total',
      name: <strong>{t('review.weightedTotal')}</strong>,
      max: 100,
      summary: aggregate.total,
      spreadPer100: aggregate.total.spread,
      divergent: aggregate.divergence.totalDivergent,
      total: true,
    },
  ];
  const columns: TableColumnsType<AggRow> = [
    { title: t('review.criterion'), dataIndex: 'name', width: 150 },
    {
      title: t('review.mean'),
      key: 'mean',
      width: 220,
      render: (_, r) => (
        <div className="review-mean">
          <Progress
            percent={Math.round((r.summary.mean / r.max) * 100)}
            size="small"
            showInfo={false}
            strokeColor={r.divergent ? '#d48806' : r.total ? '#1f4e9c' : undefined}
          />
          <span className="review-mean-value">{fmt(r.summary.mean, 2)}</span>
        </div>
      ),
    },
    { title: t('review.median'), key: 'median', align: 'right', render: (_, r) => fmt(r.summary.median) },
    { title: t('review.sd'), key: 'sd', align: 'right', render: (_, r) => fmt(r.summary.sd, 2) },
    { title: t('review.range'), key: 'range', align: 'right', render: (_, r) => `${fmt(r.summary.min)}–${fmt(r.summary.max)}` },
    {
      title: t('review.spread'),
      key: 'spread',
      align: 'right',
      render: (_, r) => (
        <span>
          {fmt(r.summary.spread)}
          {r.divergent && (
            <Tag color="orange" className="review-divergent-tag" data-testid={`divergent-${r.key}`}>
              {t('review.divergent')}
            </Tag>
          )}
        </span>
      ),
    },
  ];
  const { divergence } = aggregate;
  return (
    <div data-testid="review-aggregate">
      {divergence.divergent && (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          data-testid="divergence-alert"
          title={t('review.divergenceTitle', { threshold: divergence.threshold })}
          description={
            <div>
              {divergence.totalDivergent && <div>{t('review.divergenceTotal', { spread: fmt(aggregate.total.spread) })}</div>}
              {divergence.criteria.length > 0 && <div>{t('review.divergenceCriteria', { list: divergence.criteria.map(nameOf).join('、') })}</div>}
              <div className="muted small">{t('review.divergenceHint')}</div>
            </div>
          }
          action={divergenceAction}
        />
      )}
      <Table<AggRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (r.total ? 'review-total-row' : '')}
      />
      <div className="review-opinion-counts">
        <span className="muted">{t('review.opinionCounts', { n: aggregate.n })}</span>
        {OPINIONS.map((o) => (
          <span key={o} data-testid={`opinion-count-${o}`}>
            <OpinionTag opinion={o} /> {aggregate.opinionCounts[o]}
          </span>
        ))}
      </div>
    </div>
  );
}
