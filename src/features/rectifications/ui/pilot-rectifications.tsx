/**
 * A pilot's rectification cases (限期整改) and, for the planning department, ordering a new one: the
 * findings come prefilled from the off-track indicators of the confirmed reports (or a failed
 * evaluation's weak items), with the default deadline; the official edits them before confirming.
 */
import { ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../../web-kit/errors';
import { formatDate } from '../../../web-kit/format';
import { QueryState } from '../../../web-kit/query';
import { pilotKeys } from '../../pilots/ui/public';
import type { Finding, RectificationCase } from '../rectifications.contract';
import { useI18n } from './i18n';
import { rectificationsApi } from './rectifications-api';
import { rectificationKeys, rectificationsQueries } from './rectifications-queries';
import { CaseStatusTag, OverdueTag } from './rectification-tags';

interface OpenValues {
  findings: Finding[];
  requiredActions: string;
  deadline: string;
  comment?: string;
}

function OpenCaseModal({ pilotId, pilotVersion, evaluationId, onClose }: { pilotId: string; pilotVersion: number; evaluationId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OpenValues>();
  const proposal = useQuery(rectificationsQueries.proposal(pilotId, evaluationId));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let v: OpenValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const created = await rectificationsApi.open(pilotId, {
        version: pilotVersion,
        evaluationId,
        findings: v.findings.map((f) => ({ kind: f.kind ?? 'other', ref: f.ref ?? null, text: f.text })),
        requiredActions: v.requiredActions,
        deadline: v.deadline,
        comment: v.comment || undefined,
      });
      await Promise.all([qc.invalidateQueries({ queryKey: rectificationKeys.all }), qc.invalidateQueries({ queryKey: pilotKeys.all })]);
      onClose();
      void navigate({ to: '/pilots/$id/rectifications/$caseId', params: { id: pilotId, caseId: created.id } });
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('rect.openTitle')}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose} data-testid="btn-open-cancel">
          {t('rect.cancelDialog')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit()} disabled={!proposal.data} data-testid="btn-open-confirm">
          {t('rect.submit')}
        </Button>,
      ]}
    >
      <QueryState query={proposal}>
        {(p) => (
          <>
            <Alert className="block-gap" type={p.indicatorsOffTrack || p.evaluation ? 'info' : 'warning'} showIcon title={p.indicatorsOffTrack || p.evaluation ? t('rect.openIntro') : t('rect.noOffTrack')} />
            <Form
              form={form}
              layout="vertical"
              initialValues={{ findings: p.findings.length > 0 ? p.findings : [{ kind: 'other', ref: null, text: '' }], deadline: p.deadline, requiredActions: '' }}
              data-testid="form-open-rectification"
            >
              <Form.List name="findings">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Space key={field.key} align="start" style={{ display: 'flex' }}>
                        <Form.Item
                          name={[field.name, 'text']}
                          label={t('rect.finding', { n: i + 1 })}
                          rules={[{ required: true, whitespace: true, message: t('rect.required') }]}
                          style={{ width: 600 }}
                        >
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid={`input-finding-${i}`} />
                        </Form.Item>
                        {fields.length > 1 && (
                          <Button type="link" onClick={() => remove(field.name)} data-testid={`btn-remove-finding-${i}`} style={{ marginTop: 30 }}>
                            {t('rect.removeFinding')}
                          </Button>
                        )}
                      </Space>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'other', ref: null, text: '' })} data-testid="btn-add-finding" className="block-gap">
                      {t('rect.addFinding')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Form.Item name="requiredActions" label={t('rect.requiredActions')} rules={[{ required: true, whitespace: true, message: t('rect.required') }]}>
                <Input.TextArea rows={4} maxLength={5000} data-testid="input-required-actions" />
              </Form.Item>
              <Form.Item name="deadline" label={t('rect.deadline')} rules={[{ required: true, message: t('rect.required') }]}>
                <Input type="date" data-testid="input-deadline" />
              </Form.Item>
              <Form.Item name="comment" label={t('rect.comment')}>
                <Input maxLength={2000} data-testid="input-open-comment" />
              </Form.Item>
            </Form>
          </>
        )}
      </QueryState>
    </Modal>
  );
}

/** The cases of one pilot, newest first, and the button to order a new one where the user may. */
export function PilotRectifications({ pilotId, pilotVersion, evaluationId }: { pilotId: string; pilotVersion: number; evaluationId?: string }) {
  const { t } = useI18n();
  const query = useQuery(rectificationsQueries.ofPilot(pilotId));
  const [opening, setOpening] = useState(false);
  return (
    <QueryState query={query}>
      {(data) => (
        <div data-testid="pilot-rectifications">
          {data.abilities.includes('open') && (
            <Button type="primary" danger icon={<ExclamationCircleOutlined />} onClick={() => setOpening(true)} data-testid="btn-open-rectification" className="block-gap">
              {t('rect.open')}
            </Button>
          )}
          <Table<RectificationCase>
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: t('rect.none') }}
            data-testid="rectification-cases"
            columns={[
              { key: 'openedAt', title: t('rect.openedAt'), render: (_, c) => formatDate(c.createdAt) },
              { key: 'origin', title: t('rect.origin'), render: (_, c) => t(`rect.origin.${c.origin}`) },
              {
                key: 'deadline',
                title: t('rect.deadline'),
                render: (_, c) => (
                  <Space>
                    {formatDate(c.deadline)}
                    {c.overdue && <OverdueTag />}
                  </Space>
                ),
              },
              { key: 'status', title: t('rect.status'), render: (_, c) => <CaseStatusTag status={c.status} /> },
              {
                key: 'open',
                title: '',
                render: (_, c) => (
                  <Link to="/pilots/$id/rectifications/$caseId" params={{ id: pilotId, caseId: c.id }} data-testid={`link-case-${c.id}`}>
                    {t('rect.view')}
                  </Link>
                ),
              },
            ]}
          />
          {opening && <OpenCaseModal pilotId={pilotId} pilotVersion={pilotVersion} evaluationId={evaluationId} onClose={() => setOpening(false)} />}
        </div>
      )}
    </QueryState>
  );
}
