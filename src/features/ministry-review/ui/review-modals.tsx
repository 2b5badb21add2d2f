/**
 * The small forms of the ministry review: approve (文号 and date, then the reply to download),
 * return for revision or reject (reasons required), ask for a re-score (reason), and a
 * department's opinion (stance and text).
 */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Radio, Result, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ACTION_LABELS } from '../../../shared/lifecycle/application-lifecycle';
import { DEPARTMENT_STANCES, DOCUMENT_NO_PATTERN, type DepartmentStance } from '../../../shared/review/review-terms';
import { useSubmit } from '../../../web-kit/forms';
import { pilotLinks } from '../../pilots/ui/public';
import type { DecisionResult } from '../review.contract';
import { useI18n } from './i18n';
import { STANCE_KEYS } from './review-labels';
import { useDecide, useOpinion, useRescore } from './review-queries';

const testId = (id: string) => ({ 'data-testid': id }) as ButtonProps;

// ---------------------------------------------------------------------------------------------

interface ApproveValues {
  documentNo: string;
  approvalDate: Dayjs;
}

export function ApproveModal({
  open,
  applicationId,
  version,
  onClose,
  onApproved,
}: {
  open: boolean;
  applicationId: string;
  version: number;
  onClose: () => void;
  /** Called when the dialog closes after a successful approval. */
  onApproved: (r: DecisionResult) => void;
}) {
  const { t } = useI18n();
  const decision = useDecide(applicationId);
  const [form] = Form.useForm<ApproveValues>();
  const [result, setResult] = useState<{ r: DecisionResult; documentNo: string } | null>(null);

  const { busy, submit } = useSubmit(form, async (v) => {
    const documentNo = v.documentNo.trim();
    const r = await decision.mutateAsync({ version, decision: 'approve', documentNo, approvalDate: v.approvalDate.format('YYYY-MM-DD') });
    setResult({ r, documentNo });
  });

  const close = () => {
    const done = result;
    setResult(null);
    if (done) onApproved(done.r);
    else onClose();
  };

  return (
    <Modal
      open={open}
      title={t('review.approve.title')}
      onCancel={close}
      destroyOnHidden
      width={560}
      footer={
        result ? (
          <Button type="primary" onClick={close} data-testid="btn-approve-close">
            {t('review.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('review.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} {...testId('btn-approve-confirm')}>
              {t('review.approve.confirm')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Result
          status="success"
          title={t('review.approve.doneTitle')}
          subTitle={t('review.approve.doneText', { documentNo: result.documentNo })}
          extra={
            result.r.pilotId && (
              <Space>
                <Button icon={<FileWordOutlined />} href={pilotLinks.docx(result.r.pilotId)} download data-testid="link-approval-docx">
                  {t('pilots.replyDocx')}
                </Button>
                <Button icon={<FilePdfOutlined />} href={pilotLinks.pdf(result.r.pilotId)} download data-testid="link-approval-pdf">
                  {t('pilots.replyPdf')}
                </Button>
              </Space>
            )
          }
        />
      ) : (
        <Form<ApproveValues> form={form} layout="vertical" preserve={false} initialValues={{ documentNo: '', approvalDate: dayjs() }}>
          <p className="muted">{t('review.approve.intro')}</p>
          <Form.Item
            name="documentNo"
            label={t('review.approve.documentNo')}
            extra={t('review.approve.documentNoHint')}
            rules={[
              { required: true, whitespace: true, message: t('review.approve.documentNoRequired') },
              { pattern: DOCUMENT_NO_PATTERN, message: t('review.approve.documentNoInvalid') },
            ]}
          >
            <Input placeholder={`工信部规函〔${dayjs().year()}〕号`} maxLength={40} data-testid="approve-docno" />
          </Form.Item>
          <Form.Item name="approvalDate" label={t('review.approve.date')} rules={[{ required: true, message: t('review.approve.dateRequired') }]}>
            <DatePicker allowClear={false} data-testid="approve-date" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

export function ReasonsDecisionModal({
  open,
  decision,
  applicationId,
  version,
  onClose,
  onDone,
}: {
  open: boolean;
  decision: 'send_back' | 'reject';
  applicationId: string;
  version: number;
  onClose: () => void;
  onDone: (r: DecisionResult) => void;
}) {
  const { t, l } = useI18n();
  const deciding = useDecide(applicationId);
  const [form] = Form.useForm<{ reasons: string }>();

  const { busy, submit } = useSubmit(form, async (v) => {
    onDone(await deciding.mutateAsync({ version, decision, reasons: v.reasons.trim() }));
  });

  return (
    <Modal
      open={open}
      title={l(ACTION_LABELS[decision])}
      okText={t('review.decision.confirm')}
      okButtonProps={{ danger: true, ...testId('btn-decision-confirm') }}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
    >
      <p className="muted">{t(decision === 'reject' ? 'review.reject.intro' : 'review.sendBack.intro')}</p>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reasons: '' }}>
        <Form.Item name="reasons" label={t('review.decision.reasons')} rules={[{ required: true, whitespace: true, message: t('review.decision.reasonsRequired') }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="decision-reasons" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

export function RescoreModal({ open, applicationId, onClose, onDone }: { open: boolean; applicationId: string; onClose: () => void; onDone: (round: number) => void }) {
  const { t } = useI18n();
  const rescore = useRescore(applicationId);
  const [form] = Form.useForm<{ reason: string }>();

  const { busy, submit } = useSubmit(form, async (v) => {
    onDone((await rescore.mutateAsync(v.reason.trim())).round);
  });

  return (
    <Modal
      open={open}
      title={t('review.rescore.title')}
      okText={t('review.rescore.confirm')}
      okButtonProps={testId('btn-rescore-confirm')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p className="muted">{t('review.rescore.intro')}</p>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reason: t('review.rescore.default') }}>
        <Form.Item name="reason" label={t('review.rescore.reason')} rules={[{ required: true, whitespace: true, message: t('review.rescore.reasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="rescore-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------

export function OpinionModal({ open, applicationId, onClose, onDone }: { open: boolean; applicationId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const opinion = useOpinion(applicationId);
  const [form] = Form.useForm<{ stance: DepartmentStance; opinion: string }>();

  const { busy, submit } = useSubmit(form, async (v) => {
    await opinion.mutateAsync({ stance: v.stance, opinion: v.opinion.trim() });
    onDone();
  });

  return (
    <Modal
      open={open}
      title={t('review.opinion.title')}
      okText={t('review.opinion.confirm')}
      okButtonProps={testId('btn-opinion-confirm')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
    >
      <p className="muted">{t('review.opinion.intro')}</p>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ stance: 'support', opinion: '' }}>
        <Form.Item name="stance" label={t('review.opinion.stance')} rules={[{ required: true }]}>
          <Radio.Group data-testid="opinion-stance">
            {DEPARTMENT_STANCES.map((s) => (
              <Radio key={s} value={s} data-testid={`stance-${s}`}>
                {t(STANCE_KEYS[s])}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="opinion" label={t('review.opinion.text')} rules={[{ required: true, whitespace: true, message: t('review.opinion.textRequired') }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="opinion-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
