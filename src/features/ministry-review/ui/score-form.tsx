/**
 * The expert's score sheet (专家评分表): one score per rubric criterion with its weight, maximum and
 * guidance, the overall opinion, the qualitative evaluation, and the weighted total as it is typed.
 */
import { App, Button, Form, Input, InputNumber, Radio, Typography, type ButtonProps } from 'antd';
import { OPINION_LABELS, OPINIONS, roundNoise, type Opinion, type Rubric } from '../../../shared/review/rubric';
import { useI18n } from './i18n';
import { useShowError } from '../../../web-kit/errors';
import { validated } from '../../../web-kit/forms';
import { useSubmitScores } from './review-queries';
import { fmt } from './score-summary';

interface Values {
  scores: Record<string, number | null | undefined>;
  opinion: Opinion | undefined;
  comments: string;
}

/** The weighted total of what is scored so far (0..100 scale) and how many criteria are scored. */
export function partialTotal(rubric: Rubric, scores: Values['scores'] | undefined): { total: number; scored: number } {
  let total = 0;
  let scored = 0;
  for (const c of rubric.criteria) {
    const s = scores?.[c.key];
    if (typeof s !== 'number' || !Number.isFinite(s)) continue;
    scored += 1;
    total += (c.weight * Math.min(Math.max(s, 0), c.maxScore) * 100) / c.maxScore;
  }
  return { total: roundNoise(total), scored };
}

export function ScoreForm({ panelId, rubric, onSubmitted }: { panelId: string; rubric: Rubric; onSubmitted: () => void }) {
  const { t, l } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const submission = useSubmitScores(panelId);
  const [form] = Form.useForm<Values>();
  const scores = Form.useWatch('scores', form);
  const { total, scored } = partialTotal(rubric, scores);

  const submit = async () => {
    const v = await validated(form);
    if (!v || !v.opinion) return;
    const sheet = {
      scores: Object.fromEntries(rubric.criteria.map((c) => [c.key, v.scores[c.key] as number])),
      opinion: v.opinion,
      comments: v.comments.trim(),
    };
    modal.confirm({
      title: t('expert.submitConfirmTitle'),
      content: t('expert.submitConfirmText', { total: fmt(partialTotal(rubric, v.scores).total, 2) }),
      okText: t('expert.submit'),
      okButtonProps: { 'data-testid': 'btn-submit-scores-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          await submission.mutateAsync(sheet);
          void message.success(t('expert.submitted'));
          onSubmitted();
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ scores: {}, opinion: undefined, comments: '' }} data-testid="score-form" className="score-form">
      {rubric.criteria.map((c) => (
        <div key={c.key} className="score-criterion">
          <Form.Item
            name={['scores', c.key]}
            label={
              <span>
                <strong>{l(c.name)}</strong>
                <span className="muted small score-weight">{t('review.weightMax', { weight: Math.round(c.weight * 100), max: c.maxScore })}</span>
              </span>
            }
            rules={[{ required: true, message: t('expert.scoreRequired') }]}
            className="score-item"
          >
            <InputNumber min={0} max={c.maxScore} step={1} placeholder={`0–${c.maxScore}`} style={{ width: 140 }} data-testid={`score-${c.key}`} />
          </Form.Item>
          <Typography.Paragraph className="score-guidance muted small" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded: boolean) => t(expanded ? 'expert.less' : 'expert.more') }}>
            {l(c.guidance)}
          </Typography.Paragraph>
        </div>
      ))}
      <div className="score-total" data-testid="score-total">
        <span>{t('review.weightedTotal')}</span>
        <strong>{scored > 0 ? fmt(total, 2) : '—'}</strong>
        <span className="muted small">{t('expert.scoredOf', { k: scored, n: rubric.criteria.length })}</span>
      </div>
      <Form.Item name="opinion" label={t('review.opinion')} rules={[{ required: true, message: t('expert.opinionRequired') }]}>
        <Radio.Group data-testid="score-opinion">
          {OPINIONS.map((o) => (
            <Radio key={o} value={o} data-testid={`score-opinion-${o}`}>
              {l(OPINION_LABELS[o])}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="comments" label={t('expert.comments')} rules={[{ required: true, whitespace: true, message: t('expert.commentsRequired') }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('expert.commentsPlaceholder')} data-testid="score-comments" />
      </Form.Item>
      <Button type="primary" block loading={submission.isPending} onClick={() => void submit()} data-testid="btn-submit-scores">
        {t('expert.submit')}
      </Button>
    </Form>
  );
}
