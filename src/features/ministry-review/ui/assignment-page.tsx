/**
 * One review task of an expert (/review/:panelId). Before the declaration: the application, the
 * conflict-of-interest rules, and 声明无利益冲突 / 申请回避. After it: the plan beside the score
 * sheet; others' scores stay hidden until the expert's own are submitted, then the panel's scores
 * and aggregate show.
 */
import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Col, Descriptions, Form, Input, Modal, Result, Row, Space, Spin, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { CONFLICT_RULE_CODES, CONFLICT_RULES } from '../../../shared/review/conflicts';
import { weightedTotal } from '../../../shared/review/rubric';
import { ApiError } from '../../../web-kit/api-client';
import { errorText, useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import { useSubmit } from '../../../web-kit/forms';
import { PageLoading } from '../../../web-kit/page-loading';
import { PlanDocument } from '../../applications/ui/public';
import { useDivisions } from '../../reference/ui/public';
import type { AssignmentDetail } from '../review.contract';
import { useI18n } from './i18n';
import { SEAT_STATE_COLORS, SEAT_STATE_KEYS, seatState } from './review-labels';
import { reviewQueries, useDeclare, useRecuse } from './review-queries';
import { ScoreForm } from './score-form';
import { AggregateView, fmt, OpinionTag, ScoreTable } from './score-summary';
import './review.css';

function RecuseModal({ open, panelId, onClose, onDone }: { open: boolean; panelId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const recusal = useRecuse(panelId);
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit } = useSubmit(form, async (v) => {
    await recusal.mutateAsync(v.reason.trim());
    onDone();
  });
  return (
    <Modal
      open={open}
      title={t('expert.recuseTitle')}
      okText={t('expert.recuseConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'btn-recuse-confirm' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p className="muted">{t('expert.recuseIntro')}</p>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reason: '' }}>
        <Form.Item name="reason" label={t('expert.recuseReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('expert.recuseReasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="recuse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PanelScoresView({ panelId, rubric }: { panelId: string; rubric: AssignmentDetail['panel']['rubric'] }) {
  const { t, locale } = useI18n();
  const scores = useQuery(reviewQueries.panelScores(panelId));
  if (scores.isError) return <Alert type="error" showIcon title={errorText(scores.error, locale)} />;
  if (scores.isPending) return <Spin />;
  const data = scores.data;
  return (
    <div data-testid="panel-scores">
      <h3 className="review-heading">{t('expert.panelScores', { n: data.sheets.length })}</h3>
      <ScoreTable rubric={rubric} sheets={data.sheets} testId="panel-scores-table" />
      {data.aggregate && (
        <>
          <h3 className="review-heading review-subheading">{t('review.aggregate')}</h3>
          <AggregateView rubric={rubric} aggregate={data.aggregate} />
        </>
      )}
    </div>
  );
}

export default function AssignmentPage({ panelId }: { panelId: string }) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const divisions = useDivisions();
  const detail = useQuery(reviewQueries.assignment(panelId));
  const declaration = useDeclare(panelId);
  const [recusing, setRecusing] = useState(false);

  const declare = () =>
    declaration.mutate(undefined, {
      onSuccess: () => void message.success(t('expert.declared')),
      onError: showError,
    });

  if (detail.isError) {
    const error = detail.error;
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('expert.notFound') : t('review.loadFailed')}
        subTitle={errorText(error, locale)}
        extra={<Link to="/review">{t('expert.backToTasks')}</Link>}
      />
    );
  }
  if (detail.isPending) return <PageLoading />;
  const data = detail.data;

  const { panel, seat, application: a, plan, mySheet, abilities } = data;
  const cities = a.cityCodes.map((c) => divisions?.nameOf(c) ?? c).join('、');
  const state = seatState({ ...seat, status: panel.status });
  const declared = seat.declaredAt !== null && !seat.recusedAt;

  return (
    <div className="page" data-testid="assignment">
      <div className="page-head">
        <div>
          <h1 className="page-title">
            {a.title || t('app.untitled')}{' '}
            <Tag color={SEAT_STATE_COLORS[state]} data-testid="seat-state" data-state={state}>
              {t(SEAT_STATE_KEYS[state])}
            </Tag>
          </h1>
          <div className="muted mono">{a.refNo}</div>
        </div>
        <Link to="/review">{t('expert.backToTasks')}</Link>
      </div>

      <div className="panel">
        <Descriptions
          size="small"
          column={3}
          data-testid="assignment-facts"
          items={[
            { key: 'applicant', label: t('app.applicant'), children: a.applicantName },
            { key: 'cities', label: t('app.cities'), children: <span data-testid="assignment-cities">{cities || '—'}</span> },
            { key: 'deadline', label: t('review.deadline'), children: formatDateTime(panel.deadline) },
            { key: 'role', label: t('expert.seat'), children: seat.role === 'backup' ? t('seat.backup') : t('seat.member') },
            { key: 'round', label: t('review.round'), children: t('app.roundN', { n: panel.scoreRound }) },
            { key: 'status', label: t('review.panelStatus'), children: t(panel.status === 'open' ? 'review.panelOpen' : 'review.panelClosed') },
          ]}
        />
      </div>

      {seat.recusedAt ? (
        <div className="panel">
          <Result status="info" title={t('expert.recusedTitle')} subTitle={t('expert.recusedText', { reason: seat.recusalReason ?? '', at: formatDateTime(seat.recusedAt) })} data-testid="recused" />
        </div>
      ) : !declared ? (
        <div className="panel" data-testid="declaration">
          <h3 className="review-heading">{t('expert.declarationTitle')}</h3>
          <p>{t('expert.declarationIntro')}</p>
          <ol className="conflict-rules" data-testid="conflict-rules">
            {CONFLICT_RULE_CODES.map((code) => (
              <li key={code}>
                <strong>{l(CONFLICT_RULES[code])}</strong>：{l(CONFLICT_RULES[code].description)}
              </li>
            ))}
          </ol>
          <p className="muted">{t('expert.declarationNote')}</p>
          {abilities.includes('declare') || abilities.includes('recuse') ? (
            <Space>
              {abilities.includes('declare') && (
                <Button type="primary" icon={<CheckCircleOutlined />} loading={declaration.isPending} onClick={declare} data-testid="btn-declare">
                  {t('expert.declare')}
                </Button>
              )}
              {abilities.includes('recuse') && (
                <Button danger icon={<StopOutlined />} onClick={() => setRecusing(true)} data-testid="btn-recuse">
                  {t('expert.recuse')}
                </Button>
              )}
            </Space>
          ) : (
            <Alert type="info" showIcon title={t('expert.panelClosed')} />
          )}
        </div>
      ) : mySheet ? (
        // Submitted: the panel's scores (now visible) take the width; the plan follows for reference.
        <>
          <div className="panel">
            <Alert
              className="block-gap"
              type="success"
              showIcon
              data-testid="my-sheet"
              title={t('expert.mySheet', { total: fmt(weightedTotal(panel.rubric, mySheet.scores), 2), at: formatDateTime(mySheet.submittedAt) })}
              description={
                <span>
                  {t('review.opinion')}：<OpinionTag opinion={mySheet.opinion} />
                </span>
              }
            />
            {abilities.includes('viewScores') && <PanelScoresView panelId={panelId} rubric={panel.rubric} />}
          </div>
          {plan && (
            <div className="panel" data-testid="assignment-plan">
              <PlanDocument plan={plan} />
            </div>
          )}
        </>
      ) : (
        <Row gutter={16} className="assignment-columns">
          <Col xs={24} lg={14}>
            <div className="panel assignment-plan" data-testid="assignment-plan">
              {plan ? <PlanDocument plan={plan} /> : <Alert type="info" showIcon title={t('expert.planHidden')} />}
            </div>
          </Col>
          <Col xs={24} lg={10}>
            <div className="panel">
              {seat.role !== 'member' ? (
                <Alert type="info" showIcon title={t('expert.backupNotice')} data-testid="backup-notice" />
              ) : !abilities.includes('score') ? (
                <Alert type="info" showIcon title={t('expert.panelClosed')} />
              ) : (
                <>
                  {panel.scoreRound > 1 && <Alert className="block-gap" type="warning" showIcon title={t('expert.rescoreRound', { n: panel.scoreRound })} />}
                  <Alert className="block-gap" type="info" showIcon title={t('expert.scoresHidden')} data-testid="scores-hidden" />
                  <h3 className="review-heading">{t('expert.scoreSheet')}</h3>
                  <ScoreForm
                    panelId={panelId}
                    rubric={panel.rubric}
                    onSubmitted={() => window.scrollTo(0, 0)}
                  />
                </>
              )}
            </div>
          </Col>
        </Row>
      )}

      <RecuseModal
        open={recusing}
        panelId={panelId}
        onClose={() => setRecusing(false)}
        onDone={() => {
          setRecusing(false);
          void message.success(t('expert.recusedDone'));
        }}
      />
    </div>
  );
}
