/** /cases/$id — one case: its text, tags, pilot, indicator evidence and history, and what the user may do next. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { App, Button, Descriptions, Form, Input, Modal, Space, Timeline } from 'antd';
import { useState } from 'react';
import { CASE_STATE_LABELS, type CaseState } from '../../../shared/cases/case-lifecycle';
import { evidenceLine } from '../../../shared/cases/case-evidence';
import { useShowError } from '../../../web-kit/errors';
import { formatDate, formatDateTime } from '../../../web-kit/format';
import { useSubmit } from '../../../web-kit/forms';
import { QueryState } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import type { CaseDetail } from '../cases.contract';
import { CaseStatusTag, CaseTagList } from './case-parts';
import { casesApi, type CaseStep } from './cases-api';
import { caseKeys, casesQueries } from './cases-queries';
import './cases.css';
import { useI18n, type MessageKey } from './i18n';

type Action = CaseDetail['abilities'][number];
const STEP_OF: Partial<Record<Action, CaseStep>> = { submit: 'submit', startReview: 'start-review', return: 'return', publish: 'publish', unpublish: 'unpublish' };
const NEEDS_REASON: readonly Action[] = ['return', 'unpublish'];

function ReasonModal({ c, action, onClose }: { c: CaseDetail; action: Action; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { busy, submit } = useSubmit(form, async (v) => {
    await casesApi.step(c.id, STEP_OF[action]!, { version: c.version, comment: v.comment });
    await queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void message.success(t('cases.action.done'));
    onClose();
  });
  return (
    <Modal open title={t(`cases.action.${action}` as MessageKey)} okText={t('cases.confirm')} cancelText={t('cases.cancel')} onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t('cases.reason')} rules={[{ required: true, whitespace: true, message: t('cases.reasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="case-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Actions({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const [reason, setReason] = useState<Action | null>(null);
  const step = useMutation({
    mutationFn: (a: Action) => casesApi.step(c.id, STEP_OF[a]!, { version: c.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void message.success(t('cases.action.done'));
    },
    onError: showError,
  });
  const run = (a: Action) => {
    if (a === 'edit') return void navigate({ to: '/cases/$id/edit', params: { id: c.id } });
    if (NEEDS_REASON.includes(a)) return setReason(a);
    const confirm = a === 'submit' ? 'cases.confirmSubmit' : a === 'publish' ? 'cases.confirmPublish' : null;
    if (confirm) {
      modal.confirm({ title: t(`cases.action.${a}` as MessageKey), content: t(confirm), okText: t('cases.confirm'), cancelText: t('cases.cancel'), onOk: () => step.mutateAsync(a).catch(() => undefined) });
    } else step.mutate(a);
  };
  if (c.abilities.length === 0) return null;
  return (
    <Space wrap>
      {c.abilities.map((a) => (
        <Button key={a} type={a === 'publish' || a === 'submit' ? 'primary' : 'default'} danger={a === 'return' || a === 'unpublish'} loading={step.isPending && step.variables === a} onClick={() => run(a)} data-testid={`case-action-${a}`}>
          {t(`cases.action.${a}` as MessageKey)}
        </Button>
      ))}
      {reason && <ReasonModal c={c} action={reason} onClose={() => setReason(null)} />}
    </Space>
  );
}

function paragraphs(text: string) {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export default function CasePage({ id }: { id: string }) {
  const { t, l } = useI18n();
  const query = useQuery(casesQueries.detail(id));
  return (
    <div className="page" data-testid="case-page">
      <QueryState query={query}>
        {(c) => (
          <>
            <div className="page-head">
              <h1 className="page-title" data-testid="case-title">
                {c.title} {c.isDemo && <DemoTag />}
              </h1>
              <Space>
                <CaseStatusTag status={c.status} />
                <Link to="/cases">
                  <Button>{t('cases.backToLibrary')}</Button>
                </Link>
              </Space>
            </div>
            <div className="panel">
              <Actions c={c} />
              {c.reviewComment && (c.status === 'returned' || c.status === 'unpublished') && (
                <p role="note" data-testid="case-review-comment" style={{ marginTop: 12 }}>
                  <strong>{t('cases.reviewComment')}：</strong>
                  {c.reviewComment}
                </p>
              )}
              <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
                {c.pilotName && <Descriptions.Item label={t('cases.pilot')}>{c.pilotName}</Descriptions.Item>}
                <Descriptions.Item label={t('cases.author')}>{c.authorName}</Descriptions.Item>
                {c.publishedAt && <Descriptions.Item label={t('cases.publishedAt')}>{formatDate(c.publishedAt)}</Descriptions.Item>}
                <Descriptions.Item label={t('cases.tags')}>
                  <CaseTagList tags={c} />
                </Descriptions.Item>
                {c.nominationId && <Descriptions.Item label={t('cases.fromNomination')}>✓</Descriptions.Item>}
              </Descriptions>
            </div>
            <section className="panel case-body" aria-labelledby="case-summary">
              <h2 id="case-summary">{t('cases.summary')}</h2>
              {paragraphs(c.summary).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
              <h2>{t('cases.body')}</h2>
              <div data-testid="case-body">
                {paragraphs(c.body).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            </section>
            {c.evidence.length > 0 && (
              <section className="panel" aria-labelledby="case-evidence">
                <h2 id="case-evidence">{t('cases.evidence')}</h2>
                <ul data-testid="case-evidence">
                  {c.evidence.map((e, i) => (
                    <li key={i}>{evidenceLine(e)}</li>
                  ))}
                </ul>
              </section>
            )}
            {c.history.length > 0 && (
              <section className="panel" aria-labelledby="case-history">
                <h2 id="case-history">{t('cases.history')}</h2>
                <Timeline
                  items={c.history.map((h, i) => ({
                    key: i,
                    content: (
                      <span>
                        {formatDateTime(h.at)} · {h.by ?? ''} · {t(`cases.event.${h.action}` as MessageKey)}
                        {h.toState && h.toState !== h.fromState ? ` → ${l(CASE_STATE_LABELS[h.toState as CaseState])}` : ''}
                        {h.comment ? `：${h.comment}` : ''}
                      </span>
                    ),
                  }))}
                />
              </section>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
