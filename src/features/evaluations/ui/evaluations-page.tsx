/** /evaluations — the evaluation rounds (考核评估) and, for the planning department, opening one for one pilot or many. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { GRADE_LABELS } from '../../../shared/monitoring/evaluation';
import { useSubmit } from '../../../web-kit/forms';
import { formatDate } from '../../../web-kit/format';
import { QueryState } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import { pilotsQueries } from '../../pilots/ui/public';
import type { EvaluationRound, OpenRoundInput } from '../evaluations.contract';
import { evaluationsApi } from './evaluations-api';
import { evaluationKeys, evaluationsQueries } from './evaluations-queries';
import { useI18n } from './i18n';

const PHASES = ['implementation', 'midterm', 'summary'];

function OpenRoundModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OpenRoundInput>();
  const pilots = useQuery(pilotsQueries.list());
  const qc = useQueryClient();
  const { busy, submit } = useSubmit(form, async (v) => {
    await evaluationsApi.openRound(v);
    await qc.invalidateQueries({ queryKey: evaluationKeys.all });
    onClose();
  });
  const options = (pilots.data?.items ?? []).filter((p) => PHASES.includes(p.state)).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Modal
      open
      title={t('eval.openRound')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose} data-testid="btn-round-cancel">
          {t('eval.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit()} data-testid="btn-round-confirm">
          {t('eval.confirm')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'midterm' }} data-testid="form-open-round">
        <Form.Item name="kind" label={t('eval.kind')} rules={[{ required: true, message: t('eval.required') }]}>
          <Select data-testid="select-round-kind" options={[{ value: 'midterm', label: t('eval.kind.midterm') }, { value: 'final', label: t('eval.kind.final') }]} />
        </Form.Item>
        <Form.Item name="title" label={t('eval.roundTitle')} rules={[{ required: true, whitespace: true, message: t('eval.required') }]}>
          <Input maxLength={200} data-testid="input-round-title" />
        </Form.Item>
        <Form.Item name="deadline" label={t('eval.deadline')} rules={[{ required: true, message: t('eval.required') }]}>
          <Input type="date" data-testid="input-round-deadline" />
        </Form.Item>
        <Form.Item name="pilotIds" label={t('eval.pilots')} rules={[{ required: true, message: t('eval.required') }]}>
          <Select mode="multiple" options={options} loading={pilots.isPending} data-testid="select-round-pilots" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function EvaluationsPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const query = useQuery(evaluationsQueries.rounds());
  const [opening, setOpening] = useState(false);
  const manages = me.user.role === 'ministry_planning';
  return (
    <div className="page" data-testid="evaluations-page">
      <div className="page-head">
        <h1 className="page-title">{t('eval.rounds')}</h1>
        {manages && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="btn-open-round">
            {t('eval.openRound')}
          </Button>
        )}
      </div>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <div className="panel muted">{t('eval.noRounds')}</div>
          ) : (
            <>
              {data.items.map((round: EvaluationRound) => (
                <div className="panel" key={round.id} data-testid={`round-${round.id}`}>
                  <h3>
                    {round.title} <Tag>{t(`eval.kind.${round.kind}`)}</Tag>{' '}
                    <span className="muted small">
                      {t('eval.deadline')}：{formatDate(round.deadline)}
                    </span>
                  </h3>
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={round.evaluations}
                    columns={[
                      { key: 'pilot', title: t('eval.pilots'), render: (_, e) => e.pilotName },
                      { key: 'status', title: t('eval.status'), render: (_, e) => t(`eval.status.${e.status}`) },
                      { key: 'grade', title: t('eval.grade'), render: (_, e) => (e.grade ? <Tag color={GRADE_LABELS[e.grade].color}>{l(GRADE_LABELS[e.grade])}</Tag> : '—') },
                      { key: 'total', title: t('eval.total'), render: (_, e) => (e.totalScore === null ? '—' : e.totalScore.toFixed(1)) },
                      {
                        key: 'open',
                        title: '',
                        render: (_, e) => (
                          <Link to="/evaluations/$id" params={{ id: e.id }} data-testid={`link-evaluation-${e.id}`}>
                            {t('eval.view')}
                          </Link>
                        ),
                      },
                    ]}
                  />
                </div>
              ))}
            </>
          )
        }
      </QueryState>
      {opening && <OpenRoundModal onClose={() => setOpening(false)} />}
    </div>
  );
}
