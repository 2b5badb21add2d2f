/** Small parts shared by the case pages: matches as marked text, tags, the status, a result list. */
import { Link } from '@tanstack/react-router';
import { Checkbox, Empty, List, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { CASE_STATE_LABELS, type CaseState } from '../../../shared/cases/case-lifecycle';
import { CASE_TAG_KINDS, CASE_TAG_VOCABULARY, type CaseTags } from '../../../shared/cases/case-tags';
import type { Segment } from '../../../shared/cases/search-query';
import { formatDate } from '../../../web-kit/format';
import { DemoTag } from '../../../web-kit/status-tag';
import type { CaseHit } from '../cases.contract';
import { useI18n } from './i18n';

/** Text with its matches marked: segments become text nodes and <mark>, never HTML. */
export function Highlighted({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="case-hit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

const STATE_COLOURS: Record<CaseState, string> = {
  draft: 'default',
  submitted: 'processing',
  under_review: 'warning',
  returned: 'error',
  published: 'success',
  unpublished: 'default',
};

export function CaseStatusTag({ status }: { status: CaseState }) {
  const { l } = useI18n();
  return (
    <Tag color={STATE_COLOURS[status]} data-testid="case-status">
      {l(CASE_STATE_LABELS[status])}
    </Tag>
  );
}

export function CaseTagList({ tags }: { tags: CaseTags }) {
  const { l } = useI18n();
  const items: { key: string; label: string }[] = [];
  for (const kind of CASE_TAG_KINDS) {
    const labels = CASE_TAG_VOCABULARY[kind].labels as Record<string, { zh: string; en: string }>;
    for (const code of tags[kind]) items.push({ key: `${kind}.${code}`, label: l(labels[code]) });
  }
  if (items.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {items.map((i) => (
        <Tag key={i.key} variant="outlined">
          {i.label}
        </Tag>
      ))}
    </Space>
  );
}

/** The results of a search: highlighted title and snippet, pilot, author, date, tags. */
export function CaseResults({
  items,
  showStatus,
  showPhrase,
  selected,
  onToggle,
  extra,
}: {
  items: CaseHit[];
  showStatus?: boolean;
  /** Mark exact phrase matches (worth saying when the query has several words). */
  showPhrase?: boolean;
  selected?: readonly string[];
  onToggle?: (id: string) => void;
  extra?: (hit: CaseHit) => ReactNode;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty description={t('cases.none')} />;
  return (
    <List
      itemLayout="vertical"
      dataSource={items}
      data-testid="case-results"
      renderItem={(hit) => (
        <List.Item key={hit.id} data-testid={`case-hit-${hit.id}`} extra={extra?.(hit)}>
          <h2 className="case-hit-title">
            {onToggle && (
              <Checkbox
                checked={selected?.includes(hit.id) ?? false}
                onChange={() => onToggle(hit.id)}
                aria-label={`${t('cases.bookChoose')}：${hit.title}`}
                data-testid={`choose-${hit.id}`}
                className="case-choose"
              />
            )}
            <Link to="/cases/$id" params={{ id: hit.id }} data-testid={`case-link-${hit.id}`}>
              <Highlighted segments={hit.titleSegments} />
            </Link>{' '}
            {showPhrase && hit.phraseMatch && <Tag color="gold">{t('cases.phraseMatch')}</Tag>}
            {showStatus && <CaseStatusTag status={hit.status} />}
            {hit.isDemo && <DemoTag />}
          </h2>
          <p className="case-snippet" data-testid="case-snippet">
            {hit.snippet.before && t('cases.ellipsis')}
            <Highlighted segments={hit.snippet.segments} />
            {hit.snippet.after && t('cases.ellipsis')}
          </p>
          <Space size="middle" wrap className="case-meta">
            {hit.pilotName && (
              <span>
                {t('cases.pilot')}：{hit.pilotName}
              </span>
            )}
            <span>
              {t('cases.author')}：{hit.authorName}
            </span>
            <span>
              {hit.publishedAt ? `${t('cases.publishedAt')}：${formatDate(hit.publishedAt)}` : `${t('cases.updatedAt')}：${formatDate(hit.updatedAt)}`}
            </span>
          </Space>
          <div className="case-tags">
            <CaseTagList tags={hit} />
          </div>
        </List.Item>
      )}
    />
  );
}
