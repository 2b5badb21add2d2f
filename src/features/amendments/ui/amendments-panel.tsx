/**
 * A pilot's amendments 调整优化 on its page: the list with each one's status, the provinces'
 * opinions and the decision; the city's form to propose one (a member city joins, or the year values
 * of the targets in force are revised); the province's opinion and the ministry's decision, each
 * offered only where the server's abilities say so.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Cascader, Form, Input, InputNumber, List, Modal, Popconfirm, Radio, Select, Space, Table, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { Target } from '../../../shared/plan/plan-schema';
import { useShowError } from '../../../web-kit/errors';
import { formatDate } from '../../../web-kit/format';
import { useSubmit } from '../../../web-kit/forms';
import { QueryError } from '../../../web-kit/query';
import { useDivisions } from '../../reference/ui/public';
import type { Amendment, AmendmentKind } from '../amendments.contract';
import { amendmentsQueries, useAmendmentMutations } from './amendments-queries';
import { useI18n } from './i18n';

export interface AmendmentsPilot {
  id: string;
  periodStartYear: number;
  periodEndYear: number;
  /** The pilot's abilities (proposeAmendment decides whether the form is offered). */
  abilities: readonly string[];
}

type Mutations = ReturnType<typeof useAmendmentMutations>;

const STATUS_COLOR: Record<Amendment['status'], string> = { proposed: 'processing', province_reviewed: 'cyan', approved: 'green', refused: 'red', withdrawn: 'default' };

interface ProposeValues {
  kind: AmendmentKind;
  cityPath?: string[];
  name?: string;
  reasons: string;
  effectiveFromYear: number;
}

function ProposeModal({ pilot, targets, mutations, onClose }: { pilot: AmendmentsPilot; targets: readonly Target[]; mutations: Mutations; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const divisions = useDivisions();
  const [form] = Form.useForm<ProposeValues>();
  const kind = Form.useWatch('kind', form) ?? 'add_member';
  const [values, setValues] = useState<Record<string, (number | null)[]>>(() => Object.fromEntries(targets.map((x) => [x.id, [...x.values]])));
  const years = Array.from({ length: pilot.periodEndYear - pilot.periodStartYear + 1 }, (_, i) => pilot.periodStartYear + i);

  const { busy, submit } = useSubmit(form, async (v) => {
    const common = { reasons: v.reasons, effectiveFromYear: v.effectiveFromYear };
    if (v.kind === 'add_member') {
      await mutations.propose.mutateAsync({ kind: 'add_member', cityCode: v.cityPath!.at(-1)!, name: v.name!, ...common });
    } else {
      await mutations.propose.mutateAsync({ kind: 'revise_targets', targets: targets.map((x) => ({ ...x, values: values[x.id] ?? x.values })), ...common });
    }
    void message.success(t('amend.proposed'));
    onClose();
  });

  return (
    <Modal
      open
      width={kind === 'revise_targets' ? 900 : 560}
      title={t('amend.propose')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('amend.submit')}
      cancelText={t('amend.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'amend-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'add_member', effectiveFromYear: pilot.periodStartYear + 1 }}>
        <Form.Item name="kind" label={t('amend.kind')}>
          <Radio.Group data-testid="amend-kind">
            <Radio value="add_member">{t('amend.kind.add_member')}</Radio>
            <Radio value="revise_targets">{t('amend.kind.revise_targets')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'add_member' && (
          <>
            <Form.Item name="cityPath" label={t('amend.city')} rules={[{ required: true }]}>
              <Cascader options={divisions?.tree ?? []} fieldNames={{ label: 'name', value: 'code', children: 'children' }} showSearch changeOnSelect={false} data-testid="amend-city" />
            </Form.Item>
            <Form.Item name="name" label={t('amend.newName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input placeholder={t('amend.newNameHint')} data-testid="amend-name" />
            </Form.Item>
          </>
        )}
        {kind === 'revise_targets' && (
          <Form.Item label={t('amend.targets')} extra={t('amend.targetsHint')}>
            <Table<Target>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={[...targets]}
              data-testid="amend-targets"
              columns={[
                { title: t('amend.indicator'), key: 'indicator', render: (_, x) => `${x.indicator}${x.unit ? `（${x.unit}）` : ''}` },
                ...[0, 1, 2].map((i) => ({
                  title: t('target.yearValue', { year: x0Year(targets, pilot, i) }),
                  key: `y${i}`,
                  width: 120,
                  render: (_: unknown, x: Target) => (
                    <InputNumber
                      size="small"
                      aria-label={`${x.indicator} ${x0Year(targets, pilot, i)}`}
                      value={values[x.id]?.[i] ?? null}
                      onChange={(v) => setValues((all) => ({ ...all, [x.id]: (all[x.id] ?? [null, null, null]).map((old, j) => (j === i ? (v ?? null) : old)) }))}
                      data-testid={`amend-value-${x.id}-${i}`}
                    />
                  ),
                })),
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="effectiveFromYear" label={t('amend.effective')} rules={[{ required: true }]}>
          <Select options={years.map((y) => ({ value: y, label: t('amend.effectiveYear', { year: y }) }))} data-testid="amend-year" />
        </Form.Item>
        <Form.Item name="reasons" label={t('amend.reasons')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea rows={4} data-testid="amend-reasons" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The year a target's i-th value stands for: its own years where given, else the pilot's. */
function x0Year(targets: readonly Target[], pilot: AmendmentsPilot, i: number): number {
  const withYears = targets.find((x) => x.targetYears.length === 3);
  return withYears ? withYears.targetYears[i]! : pilot.periodStartYear + i;
}

function OpinionModal({ a, mutations, onClose }: { a: Amendment; mutations: Mutations; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ supports: boolean; opinion: string }>();
  const { busy, submit } = useSubmit(form, async (v) => {
    await mutations.opinion.mutateAsync({ id: a.id, body: { version: a.version, ...v } });
    onClose();
  });
  return (
    <Modal open title={t('amend.giveOpinion')} onCancel={onClose} onOk={() => void submit()} okText={t('amend.submit')} cancelText={t('amend.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'amend-opinion-submit' } as ButtonProps} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ supports: true }}>
        <Form.Item name="supports" label={t('amend.support')}>
          <Radio.Group data-testid="amend-supports">
            <Radio value={true}>{t('amend.supports')}</Radio>
            <Radio value={false}>{t('amend.opposes')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="opinion" label={t('amend.opinion')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea rows={4} data-testid="amend-opinion" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecisionModal({ a, decision, mutations, onClose }: { a: Amendment; decision: 'approve' | 'refuse'; mutations: Mutations; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment: string }>();
  const { busy, submit } = useSubmit(form, async (v) => {
    await mutations.decide.mutateAsync({ id: a.id, body: { version: a.version, decision, comment: v.comment ?? '' } });
    onClose();
  });
  return (
    <Modal
      open
      title={t(decision === 'approve' ? 'amend.approve' : 'amend.refuse')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(decision === 'approve' ? 'amend.approve' : 'amend.refuse')}
      cancelText={t('amend.cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger: decision === 'refuse', 'data-testid': 'amend-decision-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t('amend.decisionComment')}
          rules={decision === 'refuse' ? [{ required: true, whitespace: true, message: t('amend.refuseNeedsReason') }, { max: 5000 }] : [{ max: 5000 }]}
        >
          <Input.TextArea rows={4} data-testid="amend-decision-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Dialog = { kind: 'opinion'; a: Amendment } | { kind: 'approve' | 'refuse'; a: Amendment } | null;

function AmendmentItem({ a, onDialog, mutations }: { a: Amendment; onDialog: (d: Dialog) => void; mutations: Mutations }) {
  const { t } = useI18n();
  const showError = useShowError();
  const can = (x: Amendment['abilities'][number]) => a.abilities.includes(x);
  const what = a.kind === 'add_member' ? `${t('amend.kind.add_member')}：${a.cityName ?? ''} → ${a.name ?? ''}` : `${t('amend.kind.revise_targets')}：${t('amend.targetsN', { n: a.targets?.length ?? 0 })}`;
  return (
    <List.Item
      data-testid={`amendment-${a.id}`}
      actions={[
        can('giveOpinion') && (
          <Button key="op" size="small" type="primary" onClick={() => onDialog({ kind: 'opinion', a })} data-testid={`amend-give-opinion-${a.id}`}>
            {t('amend.giveOpinion')}
          </Button>
        ),
        can('approve') && (
          <Button key="ap" size="small" type="primary" onClick={() => onDialog({ kind: 'approve', a })} data-testid={`amend-approve-${a.id}`}>
            {t('amend.approve')}
          </Button>
        ),
        can('refuse') && (
          <Button key="rf" size="small" danger onClick={() => onDialog({ kind: 'refuse', a })} data-testid={`amend-refuse-${a.id}`}>
            {t('amend.refuse')}
          </Button>
        ),
        can('withdraw') && (
          <Popconfirm key="wd" title={t('amend.withdrawConfirm')} onConfirm={() => mutations.withdraw.mutate({ id: a.id, version: a.version }, { onError: showError })}>
            <Button size="small" data-testid={`amend-withdraw-${a.id}`}>
              {t('amend.withdraw')}
            </Button>
          </Popconfirm>
        ),
      ].filter(Boolean)}
    >
      <List.Item.Meta
        title={
          <Space size={6} wrap>
            <Tag color={STATUS_COLOR[a.status]} data-testid={`amendment-status-${a.id}`}>
              {t(`amend.status.${a.status}`)}
            </Tag>
            <span>{what}</span>
            <Tag>{t('amend.effectiveYear', { year: a.effectiveFromYear })}</Tag>
          </Space>
        }
        description={
          <div className="small">
            <div>
              {t('amend.reasons')}：{a.reasons}
            </div>
            <div className="muted">{t('amend.proposedBy', { name: a.proposedBy ?? '—', date: formatDate(a.createdAt) })}</div>
            {a.pendingAuthorities.length > 0 && <div className="muted">{t('amend.pending', { names: a.pendingAuthorities.map((p) => p.name).join('、') })}</div>}
            {a.opinions.map((o) => (
              <div key={o.authorityId}>
                {o.authorityName}：<Tag color={o.supports ? 'green' : 'red'}>{t(o.supports ? 'amend.supports' : 'amend.opposes')}</Tag>
                {o.opinion}
              </div>
            ))}
            {a.decisionComment && <div>{t('amend.decided', { comment: a.decisionComment })}</div>}
            {a.contractVersion !== null && <div>{t('amend.madeVersion', { n: a.contractVersion })}</div>}
          </div>
        }
      />
    </List.Item>
  );
}

export function AmendmentsPanel({ pilot, targets, onPilotChanged }: { pilot: AmendmentsPilot; targets: readonly Target[]; onPilotChanged: () => Promise<unknown> | void }) {
  const { t } = useI18n();
  const list = useQuery(amendmentsQueries.list(pilot.id));
  const mutations = useAmendmentMutations(pilot.id, onPilotChanged);
  const [proposing, setProposing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <div className="panel" data-testid="amendments">
      <h3 className="pilot-heading">{t('amend.title')}</h3>
      <p className="muted">{t('amend.intro')}</p>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('amend.none') }}
          renderItem={(a) => <AmendmentItem a={a} onDialog={setDialog} mutations={mutations} />}
        />
      )}
      {pilot.abilities.includes('proposeAmendment') && (
        <Button icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="amend-propose">
          {t('amend.propose')}
        </Button>
      )}
      {proposing && <ProposeModal pilot={pilot} targets={targets} mutations={mutations} onClose={() => setProposing(false)} />}
      {dialog?.kind === 'opinion' && <OpinionModal a={dialog.a} mutations={mutations} onClose={() => setDialog(null)} />}
      {(dialog?.kind === 'approve' || dialog?.kind === 'refuse') && <DecisionModal a={dialog.a} decision={dialog.kind} mutations={mutations} onClose={() => setDialog(null)} />}
    </div>
  );
}
