/**
 * One progress report (/reports/:id). The city fills in each indicator's actual value (the value
 * required that year beside it), its data source, a note and evidence files, and each task's status
 * and progress; it saves (compare-and-set on the version) and submits, or downloads the Excel template
 * and imports it (the row errors of a refused file are listed). The province confirms with an opinion
 * or returns with reasons. A confirmed figure changes only through the correction dialog, with a
 * reason; the corrections and the history are listed below. What the user may do comes from the
 * report's abilities.
 */
import { DownloadOutlined, EditOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload, type ButtonProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../web-kit/api-client';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import { validated } from '../../../web-kit/forms';
import { QueryState } from '../../../web-kit/query';
import type { EvidenceFile, ImportRowError, ReportDetail, ReportValue, TaskStatus } from '../progress-reports.contract';
import { useI18n, type MessageKey } from './i18n';
import { importRowErrors, reportLinks, reportsApi } from './progress-reports-api';
import { reportKeys, reportsQueries } from './progress-reports-queries';
import { DueCell, ReportStatusTag } from './report-tags';

const TASK_LABEL: Record<TaskStatus, MessageKey> = { not_started: 'task.not_started', in_progress: 'task.in_progress', done: 'task.done', delayed: 'task.delayed' };
const TASK_STATUSES = Object.keys(TASK_LABEL) as TaskStatus[];
const ACTION_LABEL: Record<string, MessageKey> = {
  'report.submit': 'action.report.submit',
  'report.return': 'action.report.return',
  'report.confirm': 'action.report.confirm',
  'report.correct': 'action.report.correct',
  'report.import': 'action.report.import',
};

interface ValueDraft {
  actual: number | null;
  dataSource: string;
  note: string;
  evidence: EvidenceFile[];
}

const num = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10_000) / 10_000));

function useReportMutation<A>(fn: (a: A) => Promise<ReportDetail>, onDone?: (r: ReportDetail) => void) {
  const qc = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(reportKeys.detail(r.id), r);
      void qc.invalidateQueries({ queryKey: reportKeys.all });
      onDone?.(r);
    },
    onError: (err) => {
      // The row errors of an import and a version conflict are shown on the page, not as a toast.
      if (importRowErrors(err) || (err instanceof ApiError && err.code === 'VERSION_CONFLICT')) return;
      showError(err);
    },
  });
}

function RowErrors({ errors }: { errors: ImportRowError[] }) {
  const { t, l } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-errors"
      title={t('report.importErrors', { n: errors.length })}
      description={
        <Table
          size="small"
          rowKey={(e, i) => `${e.row}:${e.column}:${e.code}:${i}`}
          pagination={false}
          dataSource={errors}
          columns={[
            { title: t('report.row'), key: 'row', width: 70, render: (_v, e) => (e.row === 0 ? t('report.wholeFile') : e.row) },
            { title: t('report.column'), key: 'col', width: 110, render: (_v, e) => [e.column, e.field].filter(Boolean).join(' ') || '—' },
            { title: t('report.problem'), key: 'msg', render: (_v, e) => <span data-testid={`import-error-${e.code}`}>{l(e.message)}</span> },
          ]}
        />
      }
    />
  );
}

function CorrectionModal({ report, value, onClose }: { report: ReportDetail; value: ReportValue; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ actual: number | null; dataSource: string; reason: string }>();
  const m = useReportMutation((v: { actual: number | null; dataSource: string; reason: string }) => reportsApi.correct(report.id, { ...v, targetId: value.targetId, version: report.version }), onClose);
  return (
    <Modal
      open
      title={t('report.correctTitle', { name: value.indicator })}
      onCancel={onClose}
      okText={t('report.correct')}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'correction-ok' } as ButtonProps}
      onOk={async () => {
        const v = await validated(form);
        if (v) m.mutate({ actual: v.actual ?? null, dataSource: v.dataSource, reason: v.reason });
      }}
    >
      <p className="muted">{t('report.correctHint')}</p>
      <p>
        {t('report.oldValue')}：{num(value.actual)}（{value.dataSource || '—'}）
      </p>
      <Form form={form} layout="vertical" initialValues={{ actual: value.actual, dataSource: value.dataSource, reason: '' }}>
        <Form.Item name="actual" label={t('report.newActual')}>
          <InputNumber style={{ width: '100%' }} data-testid="correction-actual" />
        </Form.Item>
        <Form.Item name="dataSource" label={t('report.dataSource')} rules={[{ required: true, whitespace: true, message: t('report.required.field', { name: t('report.dataSource') }) }]}>
          <Input maxLength={500} data-testid="correction-source" />
        </Form.Item>
        <Form.Item name="reason" label={t('report.reason')} rules={[{ required: true, whitespace: true, message: t('report.required.field', { name: t('report.reason') }) }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviewModal({ report, kind, onClose }: { report: ReportDetail; kind: 'confirm' | 'return'; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const m = useReportMutation((text: string) => (kind === 'confirm' ? reportsApi.confirm(report.id, report.version, text) : reportsApi.return(report.id, report.version, text)), onClose);
  const label = t(kind === 'confirm' ? 'report.opinion' : 'report.reasons');
  return (
    <Modal
      open
      title={t(kind === 'confirm' ? 'report.confirmTitle' : 'report.returnTitle')}
      onCancel={onClose}
      okText={t(kind === 'confirm' ? 'report.confirm' : 'report.return')}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': `${kind}-ok`, danger: kind === 'return' } as ButtonProps}
      onOk={async () => {
        const v = await validated(form);
        if (v) m.mutate(v.text);
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: t('report.required.field', { name: label }) }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid={`${kind}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportView({ report }: { report: ReportDetail }) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const can = (a: ReportDetail['abilities'][number]) => report.abilities.includes(a);
  const editable = can('edit');
  const [values, setValues] = useState<Record<string, ValueDraft>>(() =>
    Object.fromEntries(report.values.map((v) => [v.targetId, { actual: v.actual, dataSource: v.dataSource, note: v.note, evidence: v.evidence }])),
  );
  const [tasks, setTasks] = useState(() => report.tasks.map((x) => ({ taskIndex: x.taskIndex, status: x.status, narrative: x.narrative })));
  const [narrative, setNarrative] = useState(report.narrative);
  const [rowErrors, setRowErrors] = useState<ImportRowError[] | null>(null);
  const [conflict, setConflict] = useState(false);
  const [review, setReview] = useState<'confirm' | 'return' | null>(null);
  const [correcting, setCorrecting] = useState<ReportValue | null>(null);

  const setValue = (targetId: string, patch: Partial<ValueDraft>) => setValues((v) => ({ ...v, [targetId]: { ...v[targetId]!, ...patch } }));
  const body = () => ({
    version: report.version,
    narrative,
    values: report.values.map((v) => {
      const d = values[v.targetId]!;
      return { targetId: v.targetId, actual: d.actual, dataSource: d.dataSource, note: d.note, evidenceFileIds: d.evidence.map((e) => e.id) };
    }),
    tasks,
  });
  const onConflict = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setConflict(true);
  };
  const save = useReportMutation(() => reportsApi.save(report.id, body()), () => void message.success(t('report.saved')));
  const submit = useReportMutation(async () => {
    const saved = await reportsApi.save(report.id, body());
    return reportsApi.submit(report.id, saved.version);
  }, () => void message.success(t('report.submitted')));
  const importing = useReportMutation((file: File) => reportsApi.importXlsx(report.id, file), () => void message.success(t('report.imported')));

  const upload = async (targetId: string, file: File) => {
    try {
      const saved = await reportsApi.uploadEvidence(report.id, file);
      setValue(targetId, { evidence: [...values[targetId]!.evidence, saved] });
      void message.info(t('report.evidenceAdded', { name: saved.filename }));
    } catch (err) {
      showError(err);
    }
  };

  const valueColumns: TableColumnsType<ReportValue> = [
    { title: t('report.no'), key: 'no', width: 50, render: (_v, _r, i) => i + 1 },
    {
      title: t('report.indicator'),
      key: 'indicator',
      render: (_v, r) => (
        <>
          {r.indicator}
          {r.stretch && <Tag style={{ marginLeft: 4 }}>{t('report.stretch')}</Tag>}
          {r.corrected && (
            <Tag color="purple" style={{ marginLeft: 4 }} data-testid={`corrected-${r.targetId}`}>
              {t('report.corrected')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('report.unit'), key: 'unit', width: 70, render: (_v, r) => r.unit ?? '—' },
    { title: t('report.required'), key: 'required', width: 100, render: (_v, r) => <span data-testid={`required-${r.targetId}`}>{num(r.required)}</span> },
    {
      title: t('report.actual'),
      key: 'actual',
      width: 130,
      render: (_v, r) =>
        editable ? (
          <InputNumber
            aria-label={`${t('report.actual')}：${r.indicator}`}
            value={values[r.targetId]!.actual}
            onChange={(v) => setValue(r.targetId, { actual: typeof v === 'number' ? v : null })}
            style={{ width: '100%' }}
            data-testid={`actual-${r.targetId}`}
          />
        ) : (
          <span data-testid={`actual-${r.targetId}`}>{num(r.actual)}</span>
        ),
    },
    {
      title: t('report.dataSource'),
      key: 'source',
      render: (_v, r) =>
        editable ? (
          <Input aria-label={`${t('report.dataSource')}：${r.indicator}`} value={values[r.targetId]!.dataSource} maxLength={500} onChange={(e) => setValue(r.targetId, { dataSource: e.target.value })} data-testid={`source-${r.targetId}`} />
        ) : (
          r.dataSource || '—'
        ),
    },
    {
      title: t('report.note'),
      key: 'note',
      render: (_v, r) =>
        editable ? (
          <Input aria-label={`${t('report.note')}：${r.indicator}`} value={values[r.targetId]!.note} maxLength={2000} onChange={(e) => setValue(r.targetId, { note: e.target.value })} data-testid={`note-${r.targetId}`} />
        ) : (
          r.note || '—'
        ),
    },
    {
      title: t('report.evidence'),
      key: 'evidence',
      render: (_v, r) => (
        <Space orientation="vertical" size={2}>
          {values[r.targetId]!.evidence.map((f) => (
            <span key={f.id}>
              <a href={reportLinks.evidence(report.id, f.id)} data-testid={`evidence-${f.id}`}>
                <PaperClipOutlined /> {f.filename}
              </a>
              {editable && (
                <Button type="link" size="small" onClick={() => setValue(r.targetId, { evidence: values[r.targetId]!.evidence.filter((e) => e.id !== f.id) })} data-testid={`remove-evidence-${f.id}`}>
                  {t('report.removeEvidence')}
                </Button>
              )}
            </span>
          ))}
          {can('uploadEvidence') && (
            <Upload showUploadList={false} multiple={false} accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" beforeUpload={(file) => (void upload(r.targetId, file), false)}>
              <Button size="small" icon={<UploadOutlined />} data-testid={`upload-evidence-${r.targetId}`}>
                {t('report.uploadEvidence')}
              </Button>
            </Upload>
          )}
        </Space>
      ),
    },
    ...(can('correct')
      ? [
          {
            title: '',
            key: 'correct',
            width: 80,
            render: (_v: unknown, r: ReportValue) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setCorrecting(r)} data-testid={`correct-${r.targetId}`}>
                {t('report.correct')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const taskColumns: TableColumnsType<ReportDetail['tasks'][number]> = [
    { title: t('report.no'), key: 'no', width: 50, render: (_v, r) => r.taskIndex + 1 },
    { title: t('report.task'), dataIndex: 'task', key: 'task' },
    { title: t('report.responsibleUnit'), dataIndex: 'responsibleUnit', key: 'unit', width: 160 },
    { title: t('report.deadline'), dataIndex: 'deadline', key: 'deadline', width: 100 },
    {
      title: t('report.taskStatus'),
      key: 'status',
      width: 130,
      render: (_v, r) =>
        editable ? (
          <Select
            aria-label={`${t('report.taskStatus')}：${r.task}`}
            value={tasks[r.taskIndex]!.status}
            onChange={(s: TaskStatus) => setTasks((ts) => ts.map((x) => (x.taskIndex === r.taskIndex ? { ...x, status: s } : x)))}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(TASK_LABEL[s]) }))}
            style={{ width: '100%' }}
            data-testid={`task-status-${r.taskIndex}`}
          />
        ) : (
          <Tag data-testid={`task-status-${r.taskIndex}`}>{t(TASK_LABEL[r.status])}</Tag>
        ),
    },
    {
      title: t('report.taskNarrative'),
      key: 'narrative',
      render: (_v, r) =>
        editable ? (
          <Input.TextArea
            aria-label={`${t('report.taskNarrative')}：${r.task}`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={4000}
            value={tasks[r.taskIndex]!.narrative}
            onChange={(e) => setTasks((ts) => ts.map((x) => (x.taskIndex === r.taskIndex ? { ...x, narrative: e.target.value } : x)))}
            data-testid={`task-narrative-${r.taskIndex}`}
          />
        ) : (
          r.narrative || '—'
        ),
    },
  ];

  return (
    <div className="page" data-testid="report-page" data-report-status={report.status}>
      <Link to="/pilots/$id/reports" params={{ id: report.pilotId }} data-testid="back-to-periods">
        {t('reports.back')}
      </Link>
      <Typography.Title level={3}>
        {report.pilotName} · {l(report.periodText)} {t('reports.title')} <ReportStatusTag status={report.status} />
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('reports.range')}>
          {report.periodStart} — {report.periodEnd}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.dueDate')}>
          <DueCell report={report} />
        </Descriptions.Item>
        {report.provinceOpinion && (
          <Descriptions.Item label={t('report.provinceOpinion')}>
            <span data-testid="province-opinion">{report.provinceOpinion}</span>
          </Descriptions.Item>
        )}
      </Descriptions>

      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-conflict"
          title={t('report.conflict')}
          action={
            <Button size="small" onClick={() => void qc.invalidateQueries({ queryKey: reportKeys.detail(report.id) })} data-testid="report-reload">
              {t('report.reload')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {rowErrors && <RowErrors errors={rowErrors} />}

      <Space wrap style={{ margin: '12px 0' }}>
        {editable && (
          <Button onClick={() => save.mutate(undefined, { onError: onConflict })} loading={save.isPending} data-testid="report-save">
            {t('report.save')}
          </Button>
        )}
        {can('submit') && (
          <Popconfirm title={t('report.submitConfirm')} onConfirm={() => submit.mutate(undefined, { onError: onConflict })} okButtonProps={{ 'data-testid': 'report-submit-ok' } as ButtonProps}>
            <Button type="primary" loading={submit.isPending} data-testid="report-submit">
              {t('report.submit')}
            </Button>
          </Popconfirm>
        )}
        {editable && (
          <Button icon={<DownloadOutlined />} href={reportLinks.template(report.id)} download data-testid="report-template">
            {t('report.template')}
          </Button>
        )}
        {can('import') && (
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              setRowErrors(null);
              importing.mutate(file, {
                onError: (err) => {
                  setRowErrors(importRowErrors(err));
                  onConflict(err);
                },
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importing.isPending} data-testid="report-import">
              {t('report.import')}
            </Button>
          </Upload>
        )}
        {can('confirm') && (
          <Button type="primary" onClick={() => setReview('confirm')} data-testid="report-confirm">
            {t('report.confirm')}
          </Button>
        )}
        {can('return') && (
          <Button danger onClick={() => setReview('return')} data-testid="report-return">
            {t('report.return')}
          </Button>
        )}
      </Space>

      <Typography.Title level={4}>{t('report.values')}</Typography.Title>
      <Table rowKey="targetId" size="small" columns={valueColumns} dataSource={report.values} pagination={false} data-testid="report-values" scroll={{ x: 1000 }} />

      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('report.tasks')}
      </Typography.Title>
      <Table rowKey="taskIndex" size="small" columns={taskColumns} dataSource={report.tasks} pagination={false} data-testid="report-tasks" />

      <Typography.Title level={4} style={{ marginTop: 24 }}>
        <label htmlFor="report-narrative">{t('report.narrative')}</label>
      </Typography.Title>
      {editable ? (
        <Input.TextArea id="report-narrative" rows={4} maxLength={10_000} value={narrative} onChange={(e) => setNarrative(e.target.value)} data-testid="report-narrative" />
      ) : (
        <Typography.Paragraph data-testid="report-narrative">{report.narrative || '—'}</Typography.Paragraph>
      )}

      {report.corrections.length > 0 && (
        <>
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            {t('report.corrections')}
          </Typography.Title>
          <Table
            rowKey={(c, i) => `${c.at}:${i}`}
            size="small"
            pagination={false}
            dataSource={report.corrections}
            data-testid="report-corrections"
            columns={[
              { title: t('report.when'), key: 'at', render: (_v, c) => formatDateTime(c.at) },
              { title: t('report.indicator'), dataIndex: 'indicator', key: 'indicator' },
              { title: t('report.oldValue'), key: 'old', render: (_v, c) => `${num(c.oldActual)}（${c.oldDataSource || '—'}）` },
              { title: t('report.newValue'), key: 'new', render: (_v, c) => `${num(c.newActual)}（${c.newDataSource || '—'}）` },
              { title: t('report.reason'), dataIndex: 'reason', key: 'reason' },
              { title: t('report.who'), key: 'who', render: (_v, c) => c.actorName ?? '—' },
            ]}
          />
        </>
      )}

      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('report.history')}
      </Typography.Title>
      <Table
        rowKey={(h, i) => `${h.at}:${i}`}
        size="small"
        pagination={false}
        dataSource={report.history}
        data-testid="report-history"
        columns={[
          { title: t('report.when'), key: 'at', render: (_v, h) => formatDateTime(h.at) },
          { title: t('report.what'), key: 'what', render: (_v, h) => (ACTION_LABEL[h.action] ? t(ACTION_LABEL[h.action]!) : h.action) },
          { title: t('report.who'), key: 'who', render: (_v, h) => h.actorName ?? '—' },
          { title: t('report.comment'), key: 'comment', render: (_v, h) => h.comment ?? '' },
        ]}
      />

      {review && <ReviewModal report={report} kind={review} onClose={() => setReview(null)} />}
      {correcting && <CorrectionModal report={report} value={correcting} onClose={() => setCorrecting(null)} />}
    </div>
  );
}

export default function ReportPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useQuery(reportsQueries.detail(id));
  return (
    <QueryState query={query} notFoundTitle={t('reports.noFigures')}>
      {(r) => <ReportView key={`${r.id}:${r.version}`} report={r} />}
    </QueryState>
  );
}
