/**
 * /evaluations/:id — one pilot's evaluation: the items with their weights and scores (live from the
 * confirmed reports until decided), the expert panel, the expert's own scoring form, the departments'
 * opinions, and the decision. Buttons come from the evaluation's abilities.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { GRADE_LABELS } from '../../../shared/monitoring/evaluation';
import { useShowError } from '../../../web-kit/errors';
import { QueryState } from '../../../web-kit/query';
import { pilotKeys } from '../../pilots/ui/public';
import { rectificationKeys } from '../../rectifications/ui/public';
import type { EvaluationDetail } from '../evaluations.contract';
import { evaluationsApi } from './evaluations-api';
import { evaluationKeys, evaluationsQueries } from './evaluations-queries';
import { useI18n } from './i18n';

function useStep() {
  const qc = useQueryClient();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      await Promise.all([
        qc.invalidateQueries({ queryKey: evaluationKeys.all }),
        qc.invalidateQueries({ queryKey: rectificationKeys.all }),
        qc.invalidateQueries({ queryKey: pilotKeys.all }),
      ]);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** Scores of the qualitative items one assessor gives, 0–100 each. */
function ScoreFields({ ev, assessor }: { ev: EvaluationDetail; assessor: 'expert' | 'ministry_department' }) {
  const { l } = useI18n();
  return (
    <>
      {ev.qualitativeItems
        .filter((i) => i.assessor === assessor)
        .map((i) => (
          <Form.Item key={i.id} name={['scores', i.id]} label={l(i.label)} rules={assessor === 'expert' ? [{ required: true }] : []}>
            <InputNumber min={0} max={100} step={1} data-testid={`input-score-${i.id}`} />
          </Form.Item>
        ))}
    </>
  );
}

function ExpertForm({ ev }: { ev: EvaluationDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ scores: Record<string, number>; comments?: string }>();
  const { busy, run } = useStep();
  const submit = async () => {
    try {
      const v = await form.validateFields();
      await run(() => evaluationsApi.score(ev.id, { scores: v.scores, comments: v.comments ?? '' }));
    } catch {
      // antd shows the rule messages
    }
  };
  return (
    <Form form={form} layout="vertical" data-testid="form-scores">
      <Alert className="block-gap" type="info" showIcon title={t('eval.scoresHidden')} />
      <ScoreFields ev={ev} assessor="expert" />
      <Form.Item name="comments" label={t('eval.comments')}>
        <Input.TextArea rows={3} maxLength={5000} data-testid="input-score-comments" />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="btn-submit-scores">
        {t('eval.submitScores')}
      </Button>
    </Form>
  );
}

function OpinionForm({ ev }: { ev: EvaluationDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ opinion: string; scores?: Record<string, number> }>();
  const { busy, run } = useStep();
  const submit = async () => {
    try {
      const v = await form.validateFields();
      const scores = Object.fromEntries(Object.entries(v.scores ?? {}).filter(([, n]) => typeof n === 'number'));
      await run(() => evaluationsApi.opinion(ev.id, { opinion: v.opinion, scores }));
    } catch {
      // antd shows the rule messages
    }
  };
  return (
    <Form form={form} layout="vertical" data-testid="form-evaluation-opinion">
      <ScoreFields ev={ev} assessor="ministry_department" />
      <Form.Item name="opinion" label={t('eval.opinion')} rules={[{ required: true, whitespace: true, message: t('eval.required') }]}>
        <Input.TextArea rows={3} maxLength={5000} data-testid="input-evaluation-opinion" />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="btn-evaluation-opinion">
        {t('eval.giveOpinion')}
      </Button>
    </Form>
  );
}

function EvaluationView({ ev }: { ev: EvaluationDetail }) {
  const { t, l } = useI18n();
  const can = (a: EvaluationDetail['abilities'][number]) => ev.abilities.includes(a);
  const { busy, run } = useStep();
  const [panelSize, setPanelSize] = useState(3);
  const [requiredActions, setRequiredActions] = useState('');
  return (
    <div className="page" data-testid="evaluation">
      <div className="page-head">
        <div>
          <h1 className="page-title">
            {ev.pilotName} · {ev.round.title} <Tag>{t(`eval.status.${ev.status}`)}</Tag>{' '}
            {ev.grade && (
              <Tag color={GRADE_LABELS[ev.grade].color} data-testid="evaluation-grade">
                {l(GRADE_LABELS[ev.grade])}
              </Tag>
            )}
          </h1>
          <Link to="/evaluations" data-testid="link-back-evaluations">
            {t('eval.back')}
          </Link>
        </div>
        {ev.rectificationCaseId && (
          <Link to="/pilots/$id/rectifications/$caseId" params={{ id: ev.pilotId, caseId: ev.rectificationCaseId }} data-testid="link-evaluation-rectification">
            {t('eval.rectification')}
          </Link>
        )}
      </div>

      <div className="panel">
        <h3>{t('eval.items')}</h3>
        {ev.status === 'scoring' && <Alert className="block-gap" type="info" showIcon title={t('eval.preview')} />}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={ev.result.items}
          data-testid="evaluation-items"
          columns={[
            { key: 'item', title: t('eval.item'), render: (_, i) => l(i.label) },
            { key: 'weight', title: t('eval.weight'), render: (_, i) => `${Math.round(i.weight * 100)}%` },
            { key: 'score', title: t('eval.score'), render: (_, i) => (i.score === null ? '—' : i.score.toFixed(1)) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('eval.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2}>
                <span data-testid="evaluation-total">{ev.result.total.toFixed(1)}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </div>

      {(ev.members.length > 0 || can('assign')) && (
        <div className="panel" data-testid="evaluation-members">
          <h3>{t('eval.members')}</h3>
          {ev.members.length === 0 ? (
            <p className="muted">{t('eval.noMembers')}</p>
          ) : (
            <ul className="plain-list">
              {ev.members.map((m) => (
                <li key={m.expertId}>
                  {m.name}（{m.organisation}） <Tag>{t(m.submitted ? 'eval.submitted' : 'eval.notSubmitted')}</Tag>
                </li>
              ))}
            </ul>
          )}
          {can('assign') && (
            <Space>
              <label htmlFor="panel-size">{t('eval.panelSize')}</label>
              <InputNumber id="panel-size" min={1} max={15} value={panelSize} onChange={(v) => setPanelSize(v ?? 3)} data-testid="input-panel-size" />
              <Button loading={busy} onClick={() => void run(() => evaluationsApi.assign(ev.id, { version: ev.version, panelSize }))} data-testid="btn-assign-experts">
                {t('eval.assign')}
              </Button>
            </Space>
          )}
        </div>
      )}

      {(can('score') || ev.myScores) && (
        <div className="panel" data-testid="evaluation-my-scores">
          <h3>{t('eval.myScores')}</h3>
          {ev.myScores ? (
            <ul className="plain-list">
              {Object.entries(ev.myScores.scores).map(([id, n]) => (
                <li key={id}>
                  {l(ev.qualitativeItems.find((i) => i.id === id)?.label)}：{n}
                </li>
              ))}
            </ul>
          ) : (
            <ExpertForm ev={ev} />
          )}
        </div>
      )}

      {ev.scores.length > 0 && (
        <div className="panel" data-testid="evaluation-scores">
          <h3>{t('eval.expertScores')}</h3>
          <ul className="plain-list">
            {ev.scores.map((s) => (
              <li key={s.expertId}>
                {s.expertName}：{Object.values(s.scores).join(' / ')} {s.comments && <span className="muted">（{s.comments}）</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {(ev.opinions.length > 0 || can('giveOpinion')) && (
        <div className="panel" data-testid="evaluation-opinions">
          <h3>{t('eval.opinions')}</h3>
          <ul className="plain-list">
            {ev.opinions.map((o) => (
              <li key={o.organisationName}>
                {o.organisationName}：{o.opinion}
              </li>
            ))}
          </ul>
          {can('giveOpinion') && <OpinionForm ev={ev} />}
        </div>
      )}

      {can('decide') && (
        <div className="panel" data-testid="evaluation-decide">
          <label htmlFor="required-actions">{t('eval.requiredActions')}</label>
          <Input.TextArea id="required-actions" rows={3} value={requiredActions} onChange={(e) => setRequiredActions(e.target.value)} maxLength={5000} data-testid="input-evaluation-required-actions" />
          <Button
            type="primary"
            className="block-gap"
            loading={busy}
            onClick={() => void run(() => evaluationsApi.decide(ev.id, { version: ev.version, requiredActions: requiredActions.trim() || undefined }))}
            data-testid="btn-decide-evaluation"
          >
            {t('eval.decide')}
          </Button>
        </div>
      )}
    </div>
  );
}

export default function EvaluationPage({ id }: { id: string }) {
  const query = useQuery(evaluationsQueries.detail(id));
  return <QueryState query={query}>{(ev) => <EvaluationView ev={ev} />}</QueryState>;
}
