/** The provincial preliminary reviews (初审), per round and authority: decision, checklist, opinion. */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Descriptions, Empty, Tag } from 'antd';
import { PROVINCIAL_CHECKLIST } from '../../../shared/lifecycle/provincial-checklist';
import type { ProvincialReview } from '../../applications/applications.contract';
import { useI18n, type MessageKey } from './i18n';
import { formatDate, formatDateTime } from '../../../web-kit/format';
import { useAuthorities } from '../../reference/ui/public';

const DECISIONS: Record<string, { key: MessageKey; color: string }> = {
  pending: { key: 'review.pending', color: 'processing' },
  forwarded: { key: 'review.forwarded', color: 'success' },
  returned: { key: 'review.returned', color: 'warning' },
};

export function ReviewsPanel({ reviews }: { reviews: readonly ProvincialReview[] }) {
  const { t, l } = useI18n();
  const authorities = useAuthorities();
  if (reviews.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.none')} />;
  const sorted = [...reviews].sort((a, b) => b.round - a.round || a.authorityId.localeCompare(b.authorityId));

  return (
    <div className="reviews" data-testid="reviews-panel">
      {sorted.map((r) => {
        const d = DECISIONS[r.decision] ?? { key: 'review.pending' as MessageKey, color: 'default' };
        const authority = authorities?.get(r.authorityId);
        return (
          <section key={`${r.round}-${r.authorityId}`} className="review-card" data-testid={`review-${r.round}-${r.authorityId}`}>
            <div className="review-head">
              <strong>{t('app.roundN', { n: r.round })}</strong>
              <span>{authority?.label ?? authority?.name ?? r.authorityId}</span>
              <Tag color={d.color}>{t(d.key)}</Tag>
            </div>
            {r.decision !== 'pending' && (
              <Descriptions
                size="small"
                column={2}
                bordered
                items={[
                  { key: 'reviewer', label: t('review.reviewer'), children: r.reviewerName ?? '—' },
                  { key: 'decidedAt', label: t('review.decidedAt'), children: formatDateTime(r.decidedAt) },
                  { key: 'date', label: r.decision === 'returned' ? t('review.returnDate') : t('forward.opinionDate'), children: formatDate(r.opinionDate) },
                  {
                    key: 'opinion',
                    label: r.decision === 'returned' ? t('return.reasons') : t('forward.opinion'),
                    span: 2,
                    children: <div className="pre-wrap">{r.opinion ?? '—'}</div>,
                  },
                  ...(r.checklist
                    ? [
                        {
                          key: 'checklist',
                          label: t('forward.checklist'),
                          span: 2,
                          children: (
                            <ul className="plain-list checklist-result">
                              {PROVINCIAL_CHECKLIST.map((item) => (
                                <li key={item.key}>
                                  {r.checklist?.[item.key] ? <CheckOutlined className="ok" /> : <CloseOutlined className="bad" />} {l(item)}
                                </li>
                              ))}
                            </ul>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </section>
        );
      })}
    </div>
  );
}
