/**
 * /pilots/:id/rectifications/:caseId — one rectification case: the findings, the required actions and
 * the deadline (overdue shown in words), then each level's step in order: the city's report with its
 * evidence, the province's opinion, the ministry's re-assessment, suspension and cancellation, and the
 * public notice's downloads. Buttons appear from the case's abilities; the server decides them.
 */
import { FilePdfOutlined, FileWordOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { GRADE_LABELS, GRADES, type Grade } from '../../../shared/monitoring/evaluation';
import { PILOT_STATE_LABELS, type PilotState } from '../../../shared/monitoring/pilot-lifecycle';
import { useShowError } from '../../../web-kit/errors';
import { formatDate, formatDateTime, formatSize } from '../../../web-kit/format';
import { QueryState } from '../../../web-kit/query';
import { pilotKeys } from '../../pilots/ui/public';
import type { EvidenceFile, RectificationCase } from '../rectifications.contract';
import { useI18n } from './i18n';
import { rectificationLinks, rectificationsApi } from './rectifications-api';
import { rectificationKeys, rectificationsQueries } from './rectifications-queries';
import { CaseStatusTag, OverdueTag } from './rectification-tags';

/** Runs a step, then refreshes the case, the pilot's cases, the notices and the pilot itself. */
function useStep() {
  const qc = useQueryClient();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      await Promise.all([
        qc.invalidateQueries({ queryKey: rectificationKeys.all }),
        qc.invalidateQueries({ queryKey: rectificationKeys.notices }),
        qc.invalidateQueries({ queryKey: pilotKeys.all }),
      ]);
      return true;
    } catch (err) {
      showError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function EvidenceList({ caseId, files }: { caseId: string; files: EvidenceFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="plain-list" data-testid="case-evidence" aria-label={t('rect.evidence')}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={rectificationLinks.evidence(caseId, f.id)} download data-testid={`link-evidence-${f.id}`}>
            {f.filename}
          </a>{' '}
          <span className="muted small">({formatSize(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}

function AnswerForm({ c }: { c: RectificationCase }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ response: string }>();
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const showError = useShowError();
  const { busy, run } = useStep();
  const submit = async () => {
    let v: { response: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(() => rectificationsApi.answer(c.id, { version: c.version, response: v.response, fileIds: files.map((f) => f.id) }));
  };
  return (
    <Form form={form} layout="vertical" data-testid="form-answer">
      <Form.Item name="response" label={t('rect.response')} rules={[{ required: true, whitespace: true, message: t('rect.required') }]}>
        <Input.TextArea rows={6} maxLength={10000} data-testid="input-response" />
      </Form.Item>
      <Form.Item label={t('rect.evidence')} extra={t('rect.uploadHint')}>
        <Upload
          showUploadList={false}
          customRequest={(opts) => {
            rectificationsApi
              .uploadEvidence(c.id, opts.file as File)
              .then((f) => {
                setFiles((prev) => [...prev, f]);
                opts.onSuccess?.(f);
              })
              .catch((err: unknown) => {
                showError(err);
                opts.onError?.(err as Error);
              });
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="btn-upload-evidence">
            {t('rect.upload')}
          </Button>
        </Upload>
        <ul className="plain-list" data-testid="uploaded-evidence">
          {files.map((f) => (
            <li key={f.id}>{t('rect.uploaded', { name: f.filename })}</li>
          ))}
        </ul>
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="btn-answer">
        {t('rect.answer')}
      </Button>
    </Form>
  );
}

function OpinionForm({ c }: { c: RectificationCase }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ opinion: string }>();
  const { busy, run } = useStep();
  const submit = async () => {
    let v: { opinion: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(() => rectificationsApi.opinion(c.id, { version: c.version, opinion: v.opinion }));
  };
  return (
    <Form form={form} layout="vertical" data-testid="form-opinion">
      <Form.Item name="opinion" label={t('rect.opinion')} rules={[{ required: true, whitespace: true, message: t('rect.required') }]}>
        <Input.TextArea rows={4} maxLength={5000} data-testid="input-opinion" />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="btn-opinion">
        {t('rect.giveOpinion')}
      </Button>
    </Form>
  );
}

function ReassessForm({ c }: { c: RectificationCase }) {
  const { t, l } = useI18n();
  const [form] = Form.useForm<{ reassessment: string; grade: Grade }>();
  const { busy, run } = useStep();
  const submit = async () => {
    let v: { reassessment: string; grade: Grade };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(() => rectificationsApi.reassess(c.id, { version: c.version, reassessment: v.reassessment, grade: v.grade }));
  };
  return (
    <Form form={form} layout="vertical" data-testid="form-reassess">
      <Alert className="block-gap" type="info" showIcon title={t('rect.reassessHint')} />
      <Form.Item name="reassessment" label={t('rect.reassessment')} rules={[{ required: true, whitespace: true, message: t('rect.required') }]}>
        <Input.TextArea rows={4} maxLength={5000} data-testid="input-reassessment" />
      </Form.Item>
      <Form.Item name="grade" label={t('rect.grade')} rules={[{ required: true, message: t('rect.required') }]}>
        <Select style={{ width: 200 }} data-testid="select-grade" options={GRADES.map((g) => ({ value: g, label: l(GRADE_LABELS[g]) }))} />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="btn-reassess">
        {t('rect.reassess')}
      </Button>
    </Form>
  );
}

interface EndValues {
  comment: string;
  documentNo?: string;
  publish?: boolean;
}

/** Suspension (中止) or cancellation (通报取消): a reason, and for a cancellation the notice's number and publication. */
function EndModal({ c, kind, onClose }: { c: RectificationCase; kind: 'suspend' | 'cancel'; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EndValues>();
  const { busy, run } = useStep();
  const submit = async () => {
    let v: EndValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const ok = await run(() =>
      kind === 'suspend'
        ? rectificationsApi.suspend(c.id, { version: c.version, comment: v.comment })
        : rectificationsApi.cancel(c.id, { version: c.version, comment: v.comment, documentNo: v.documentNo?.trim() || undefined, publish: v.publish ?? true }),
    );
    if (ok) onClose();
  };
  return (
    <Modal
      open
      title={t(kind === 'suspend' ? 'rect.suspendTitle' : 'rect.cancelTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose} data-testid="btn-end-cancel">
          {t('rect.cancelDialog')}
        </Button>,
        <Button key="ok" type="primary" danger loading={busy} onClick={() => void submit()} data-testid={kind === 'suspend' ? 'btn-suspend-confirm' : 'btn-cancel-pilot-confirm'}>
          {t('rect.submit')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ publish: true }} data-testid={`form-${kind}`}>
        {kind === 'suspend' && <Alert className="block-gap" type="warning" showIcon title={t('rect.suspendHint')} />}
        <Form.Item name="comment" label={t('rect.comment')} rules={[{ required: true, whitespace: true, message: t('rect.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="input-end-comment" />
        </Form.Item>
        {kind === 'cancel' && (
          <>
            <Form.Item name="documentNo" label={t('rect.documentNo')}>
              <Input maxLength={60} data-testid="input-document-no" />
            </Form.Item>
            <Form.Item name="publish" valuePropName="checked">
              <Checkbox data-testid="input-publish">{t('rect.publish')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function CaseView({ c, pilotId }: { c: RectificationCase; pilotId: string }) {
  const { t, l } = useI18n();
  const [ending, setEnding] = useState<'suspend' | 'cancel' | null>(null);
  const can = (a: RectificationCase['abilities'][number]) => c.abilities.includes(a);
  const phaseLabel = (s: string) => (s in PILOT_STATE_LABELS ? l(PILOT_STATE_LABELS[s as PilotState]) : s);
  return (
    <div className="page" data-testid="rectification-case">
      <div className="page-head">
        <div>
          <h1 className="page-title">
            {c.pilot.name} · {t('rect.title')} <CaseStatusTag status={c.status} /> {c.overdue && <OverdueTag />}
          </h1>
          <Link to="/pilots/$id/rectifications" params={{ id: pilotId }} data-testid="link-back-cases">
            {t('rect.backToCases')}
          </Link>
        </div>
        <Space>
          {can('suspend') && (
            <Button danger icon={<StopOutlined />} onClick={() => setEnding('suspend')} data-testid="btn-suspend">
              {t('rect.suspend')}
            </Button>
          )}
          {can('cancel') && (
            <Button type="primary" danger onClick={() => setEnding('cancel')} data-testid="btn-cancel-pilot">
              {t('rect.cancelPilot')}
            </Button>
          )}
        </Space>
      </div>

      <div className="panel">
        <Descriptions
          size="small"
          column={3}
          data-testid="case-facts"
          items={[
            { key: 'state', label: t('rect.pilotState'), children: <Tag data-testid="case-pilot-state">{phaseLabel(c.pilot.state)}</Tag> },
            { key: 'origin', label: t('rect.origin'), children: t(`rect.origin.${c.origin}`) },
            { key: 'opened', label: t('rect.openedAt'), children: formatDate(c.createdAt) },
            {
              key: 'deadline',
              label: t('rect.deadline'),
              children: (
                <span data-testid="case-deadline">
                  {formatDate(c.deadline)} {c.overdue && <OverdueTag />}
                </span>
              ),
            },
            { key: 'resume', label: t('rect.resumePhase'), children: phaseLabel(c.resumePhase) },
            ...(c.evaluation
              ? [
                  {
                    key: 'evaluation',
                    label: t('rect.evaluation'),
                    children: `${c.evaluation.grade ? l(GRADE_LABELS[c.evaluation.grade]) : '—'}${c.evaluation.totalScore === null ? '' : ` · ${t('rect.evaluationScore', { score: c.evaluation.totalScore })}`}`,
                  },
                ]
              : []),
          ]}
        />
        <h3>{t('rect.findings')}</h3>
        <ol data-testid="case-findings">
          {c.findings.map((f, i) => (
            <li key={i} data-testid={`case-finding-${i}`}>
              {f.text}
            </li>
          ))}
        </ol>
        <h3>{t('rect.requiredActions')}</h3>
        <p className="pre-wrap" data-testid="case-required-actions">
          {c.requiredActions}
        </p>
      </div>

      <div className="panel" data-testid="case-answer">
        <h3>{t('rect.answerTitle')}</h3>
        {c.response !== null ? (
          <>
            <p className="pre-wrap" data-testid="case-response">
              {c.response}
            </p>
            <div className="muted small">
              {t('rect.respondedAt')}：{formatDateTime(c.respondedAt)}
            </div>
            <EvidenceList caseId={c.id} files={c.evidence} />
          </>
        ) : can('answer') ? (
          <AnswerForm c={c} />
        ) : (
          <p className="muted">{t('rect.notAnswered')}</p>
        )}
      </div>

      <div className="panel" data-testid="case-opinion">
        <h3>{t('rect.opinionTitle')}</h3>
        {c.provinceOpinion !== null ? (
          <p className="pre-wrap" data-testid="case-province-opinion">
            {c.provinceOpinion}
          </p>
        ) : can('giveOpinion') ? (
          <OpinionForm c={c} />
        ) : (
          <p className="muted">{t('rect.noOpinion')}</p>
        )}
      </div>

      <div className="panel" data-testid="case-reassessment">
        <h3>{t('rect.reassessTitle')}</h3>
        {c.reassessment !== null ? (
          <>
            <p className="pre-wrap" data-testid="case-reassessment-text">
              {c.reassessment}
            </p>
            {c.reassessmentGrade && <Tag data-testid="case-reassessment-grade">{`${t('rect.grade')}：${l(GRADE_LABELS[c.reassessmentGrade])}`}</Tag>}
          </>
        ) : can('reassess') ? (
          <ReassessForm c={c} />
        ) : (
          <p className="muted">{t('rect.noReassessment')}</p>
        )}
      </div>

      {c.notice && (
        <div className="panel" data-testid="case-notice">
          <h3>{t('rect.notice')}</h3>
          <p>
            {c.notice.title}（{c.notice.documentNo}）
          </p>
          <Space>
            <Button icon={<FileWordOutlined />} href={rectificationLinks.noticeDocx(c.notice.id)} download data-testid="link-notice-docx">
              {t('rect.noticeDocx')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={rectificationLinks.noticePdf(c.notice.id)} download data-testid="link-notice-pdf">
              {t('rect.noticePdf')}
            </Button>
          </Space>
        </div>
      )}
      {ending && <EndModal c={c} kind={ending} onClose={() => setEnding(null)} />}
    </div>
  );
}

export default function RectificationPage({ id, caseId }: { id: string; caseId: string }) {
  const { t } = useI18n();
  const query = useQuery(rectificationsQueries.detail(caseId));
  return (
    <QueryState query={query} notFoundTitle={t('rect.notFound')}>
      {(c) => <CaseView c={c} pilotId={id} />}
    </QueryState>
  );
}
