/**
 * 部级评审 on the application detail page (ministry planning and ministry departments): the panel
 * and each seat's state, the experts' scores, the aggregate with the divergence warning, the
 * calibration (normalised mean, rolling percentile), the departments' opinions and the discussion.
 * The planning department asks for a re-score here; a department gives its opinion here.
 */
import { CommentOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, RedoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Empty, Input, List, Space, Spin, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { ApplicationState } from '../../../shared/lifecycle/application-lifecycle';
import { ROLE_LABELS } from '../../../shared/roles/roles';
import { errorText, useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import { pilotLinks } from '../../pilots/ui/public';
import type { ReviewMember } from '../review.contract';
import { useI18n } from './i18n';
import { reviewLinks } from './review-api';
import { STANCE_COLORS, STANCE_KEYS } from './review-labels';
import { OpinionModal, RescoreModal } from './review-modals';
import { reviewQueries, useComment, useReviewRefresh } from './review-queries';
import { AggregateView, fmt, ScoreTable } from './score-summary';
import './review.css';

interface Props {
  applicationId: string;
  status: ApplicationState;
  /**
   * Bumped by the page whenever the application changed elsewhere on it: the overview is then read
   * again. (A page whose own data lives in the query cache can invalidate `reviewKeys` instead.)
   */
  refreshKey?: number;
  /** Something here changed the application (a re-score): the page reloads. */
  onChanged: () => void;
}

function MemberTags({ m }: { m: ReviewMember }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {m.role === 'backup' && <Tag color="purple">{t('seat.backup')}</Tag>}
      {m.recusedAt ? (
        <Tooltip title={m.recusalReason}>
          <Tag color="default" data-testid="tag-recused">
            {t('seat.recused')}
          </Tag>
        </Tooltip>
      ) : m.declaredAt ? (
        <Tag color="blue" data-testid="tag-declared">
          {t('seat.declared')}
        </Tag>
      ) : (
        <Tag color="gold">{t('seat.pendingDeclaration')}</Tag>
      )}
      {m.submitted && (
        <Tag color="green" data-testid="tag-submitted">
          {t('seat.submitted')}
        </Tag>
      )}
      {m.overdue && (
        <Tag color="red" data-testid="tag-overdue">
          {t('seat.overdue')}
        </Tag>
      )}
    </Space>
  );
}

export function ReviewTab({ applicationId, status, refreshKey, onChanged }: Props) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const overview = useQuery(reviewQueries.overview(applicationId));
  // The pilot an approval created; a failure to read it only leaves the notice out.
  const pilot = useQuery({ ...reviewQueries.pilotOf(applicationId), enabled: status === 'approved' });
  const commenting = useComment(applicationId);
  const [modal, setModal] = useState<'rescore' | 'opinion' | null>(null);
  const [comment, setComment] = useState('');

  // The page changed the application by other means: what the review shows may have changed too.
  useReviewRefresh(applicationId, refreshKey);

  const postComment = () => {
    const body = comment.trim();
    if (!body) return;
    commenting.mutate(body, { onSuccess: () => setComment(''), onError: showError });
  };

  if (overview.isError) return <Alert type="error" showIcon title={t('review.loadFailed')} description={errorText(overview.error, locale)} />;
  if (overview.isPending) return <Spin className="page-loading" />;
  const data = overview.data;
  const pilotItem = pilot.data ?? null;

  const { panel, members, sheets, aggregate, normalised, percentile, opinions, comments, outstanding, earlierCount, abilities } = data;

  const memberColumns: TableColumnsType<ReviewMember> = [
    {
      title: t('review.expert'),
      dataIndex: 'name',
      width: 200,
      render: (v: string, m) => (
        <div>
          <strong>{v}</strong>
          <div className="muted small">
            {m.organisation}
            {m.title ? ` · ${m.title}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('review.fields'), dataIndex: 'fields', width: 180, render: (v: string[]) => v.map((f) => <Tag key={f}>{f}</Tag>) },
    { title: t('review.seatState'), key: 'state', width: 190, render: (_, m) => <MemberTags m={m} /> },
    {
      title: t('review.reasons'),
      dataIndex: 'reasons',
      render: (v: { zh: string; en: string }[], m) => (
        <div>
          <ul className="review-reasons">
            {v.map((r, i) => (
              <li key={i}>{l(r)}</li>
            ))}
          </ul>
          {m.recusedAt && m.recusalReason && <div className="muted small">{t('review.recusalReason', { reason: m.recusalReason })}</div>}
        </div>
      ),
    },
  ];

  return (
    <div className="review-tab" data-testid="review-tab">
      {pilotItem && (
        <Alert
          type="success"
          showIcon
          className="block-gap"
          title={t('review.pilotCreated', { name: pilotItem.name, documentNo: pilotItem.documentNo, date: pilotItem.approvalDate })}
          action={
            <Space>
              <Button size="small" icon={<FileWordOutlined />} href={pilotLinks.docx(pilotItem.id)} download data-testid="pilot-docx">
                {t('pilots.replyDocx')}
              </Button>
              <Button size="small" icon={<FilePdfOutlined />} href={pilotLinks.pdf(pilotItem.id)} download data-testid="pilot-pdf">
                {t('pilots.replyPdf')}
              </Button>
            </Space>
          }
        />
      )}

      <section className="review-section">
        <h3 className="review-heading">{t('review.panel')}</h3>
        {!panel ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={abilities.includes('confirm') ? t('review.noPanelManage') : t('review.noPanel')}
            data-testid="review-no-panel"
          />
        ) : (
          <>
            <Descriptions
              size="small"
              column={4}
              className="block-gap"
              items={[
                { key: 'deadline', label: t('review.deadline'), children: formatDateTime(panel.deadline) },
                {
                  key: 'status',
                  label: t('review.panelStatus'),
                  children: <Tag color={panel.status === 'open' ? 'processing' : 'default'}>{t(panel.status === 'open' ? 'review.panelOpen' : 'review.panelClosed')}</Tag>,
                },
                { key: 'round', label: t('review.round'), children: t('app.roundN', { n: panel.scoreRound }) },
                { key: 'size', label: t('review.panelSizeShort'), children: t('review.people', { n: panel.panelSize }) },
                {
                  key: 'outstanding',
                  label: t('review.outstanding'),
                  span: 4,
                  children: outstanding.length ? <span data-testid="review-outstanding">{outstanding.join('、')}</span> : <span className="muted">{t('review.noneOutstanding')}</span>,
                },
              ]}
            />
            <Table<ReviewMember>
              rowKey="expertId"
              size="small"
              columns={memberColumns}
              dataSource={members}
              pagination={false}
              data-testid="review-members"
              onRow={(m) => ({ 'data-testid': `member-row-${m.name}` }) as HTMLAttributes<HTMLElement>}
            />
          </>
        )}
      </section>

      {panel && (
        <section className="review-section">
          <div className="review-heading-row">
            <h3 className="review-heading">{t('review.scores')}</h3>
            {abilities.includes('exportScores') && (
              <Button icon={<FileExcelOutlined />} href={reviewLinks.applicationScores(applicationId)} download data-testid="link-scores-xlsx">
                {t('review.scoresXlsx')}
              </Button>
            )}
          </div>
          <ScoreTable rubric={panel.rubric} sheets={sheets} />
          <h3 className="review-heading review-subheading">{t('review.aggregate')}</h3>
          {aggregate ? (
            <>
              <AggregateView
                rubric={panel.rubric}
                aggregate={aggregate}
                divergenceAction={
                  abilities.includes('rescore') && (
                    <Button icon={<RedoOutlined />} onClick={() => setModal('rescore')} data-testid="btn-rescore">
                      {t('review.rescore.button')}
                    </Button>
                  )
                }
              />
              <Descriptions
                size="small"
                column={1}
                className="review-calibration"
                data-testid="review-calibration"
                items={[
                  {
                    key: 'normalised',
                    label: t('review.normalisedMean'),
                    children: normalised ? (
                      <span data-testid="review-normalised">
                        {t('review.normalisedText', { z: fmt(normalised.normalisedMean, 2), raw: fmt(normalised.rawMean, 2), k: normalised.calibratedCount, n: normalised.n })}
                      </span>
                    ) : (
                      '—'
                    ),
                  },
                  {
                    key: 'percentile',
                    label: t('review.percentile'),
                    children: (
                      <span data-testid="review-percentile">
                        {percentile !== null
                          ? t('review.percentileText', { n: earlierCount, p: fmt(percentile, 0) })
                          : outstanding.length > 0
                            ? t('review.percentileWaiting')
                            : t('review.percentileNone')}
                      </span>
                    ),
                  },
                ]}
              />
            </>
          ) : (
            <Alert type="info" showIcon title={t('review.noScoresYet')} />
          )}
        </section>
      )}

      <section className="review-section">
        <div className="review-heading-row">
          <h3 className="review-heading">{t('review.opinions')}</h3>
          {abilities.includes('opinion') && (
            <Button icon={<CommentOutlined />} onClick={() => setModal('opinion')} data-testid="btn-opinion">
              {t('review.opinion.button')}
            </Button>
          )}
        </div>
        <List
          size="small"
          dataSource={opinions}
          locale={{ emptyText: t('review.noOpinions') }}
          data-testid="review-opinions"
          renderItem={(o) => (
            <List.Item key={o.organisationName}>
              <List.Item.Meta
                title={
                  <Space>
                    <strong>{o.organisationName}</strong>
                    <Tag color={STANCE_COLORS[o.stance]}>{t(STANCE_KEYS[o.stance])}</Tag>
                    <span className="muted small">
                      {o.authorName} · {formatDateTime(o.createdAt)}
                    </span>
                  </Space>
                }
                description={<div className="pre-wrap review-text">{o.opinion}</div>}
              />
            </List.Item>
          )}
        />
      </section>

      <section className="review-section">
        <h3 className="review-heading">{t('review.discussion')}</h3>
        <List
          size="small"
          dataSource={comments}
          locale={{ emptyText: t('review.noComments') }}
          data-testid="review-comments"
          renderItem={(c) => (
            <List.Item key={c.id}>
              <List.Item.Meta
                title={
                  <Space>
                    <strong>{c.authorName}</strong>
                    <Tag>{l(ROLE_LABELS[c.authorRole])}</Tag>
                    <span className="muted small">{formatDateTime(c.createdAt)}</span>
                  </Space>
                }
                description={<div className="pre-wrap review-text">{c.body}</div>}
              />
            </List.Item>
          )}
        />
        {abilities.includes('discuss') && (
          <div className="review-comment-box">
            <Input.TextArea
              rows={3}
              maxLength={5000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('review.commentPlaceholder')}
              data-testid="comment-input"
            />
            <Button type="primary" loading={commenting.isPending} disabled={!comment.trim()} onClick={postComment} data-testid="btn-comment">
              {t('review.commentPost')}
            </Button>
          </div>
        )}
      </section>

      <RescoreModal
        open={modal === 'rescore'}
        applicationId={applicationId}
        onClose={() => setModal(null)}
        onDone={(round) => {
          setModal(null);
          void message.success(t('review.rescore.done', { n: round }));
          onChanged();
        }}
      />
      <OpinionModal
        open={modal === 'opinion'}
        applicationId={applicationId}
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          void message.success(t('review.opinion.done'));
        }}
      />
    </div>
  );
}
