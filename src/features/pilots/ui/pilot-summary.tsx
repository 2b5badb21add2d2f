/**
 * The summary 总结示范 on the pilot page: the city's final summary report (a draft saved by
 * compare-and-set, files checked by the server, submitted once) and its nominations of typical
 * experience, kept as drafts for the case library. Others read both; what may be done comes from
 * the server's abilities.
 */
import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, List, Modal, Popconfirm, Space, Tag, Upload, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../../web-kit/errors';
import { formatDate, formatSize } from '../../../web-kit/format';
import { useSubmit } from '../../../web-kit/forms';
import { QueryError } from '../../../web-kit/query';
import type { Nomination, NominationBody, SummaryView } from '../pilots.contract';
import { useI18n } from './i18n';
import { pilotLinks } from './pilots-api';
import { pilotsQueries, useDeleteNomination, useSaveNomination, useSaveSummary, useSubmitSummary, useUploadSummaryFile } from './pilots-queries';

type SummaryFile = { id: string; filename: string; size: number };

function SummaryEditor({ pilotId, view }: { pilotId: string; view: SummaryView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveSummary(pilotId);
  const submit = useSubmitSummary(pilotId);
  const upload = useUploadSummaryFile(pilotId);
  const [body, setBody] = useState(view.report?.body ?? '');
  const [files, setFiles] = useState<SummaryFile[]>(view.report?.files ?? []);
  const version = view.report?.version ?? 0;

  const saveDraft = async () => {
    try {
      await save.mutateAsync({ body, fileIds: files.map((f) => f.id), version });
      void message.success(t('summary.saved'));
    } catch (err) {
      showError(err);
    }
  };
  const submitReport = async () => {
    try {
      // What is on screen is saved first, then submitted as that version.
      const saved = await save.mutateAsync({ body, fileIds: files.map((f) => f.id), version });
      await submit.mutateAsync(saved.report!.version);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div data-testid="summary-editor">
      <label htmlFor="summary-body" className="field-label">
        {t('summary.body')}
      </label>
      <Input.TextArea id="summary-body" rows={10} maxLength={100_000} value={body} onChange={(e) => setBody(e.target.value)} data-testid="summary-body" />
      <div className="block-gap">
        <span className="field-label">{t('summary.files')}</span>
        <List
          size="small"
          dataSource={files}
          locale={{ emptyText: '—' }}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button key="rm" type="link" size="small" icon={<DeleteOutlined />} aria-label={`${t('nominations.delete')} ${f.filename}`} onClick={() => setFiles((fs) => fs.filter((x) => x.id !== f.id))} data-testid={`summary-file-remove-${f.id}`} />,
              ]}
            >
              <PaperClipOutlined /> {f.filename} <span className="muted small">{formatSize(f.size)}</span>
            </List.Item>
          )}
        />
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file, { onSuccess: (f) => setFiles((fs) => [...fs, f]), onError: showError });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="summary-upload">
            {t('summary.upload')}
          </Button>
        </Upload>
      </div>
      <Space className="block-gap">
        <Button onClick={() => void saveDraft()} loading={save.isPending && !submit.isPending} data-testid="summary-save">
          {t('summary.save')}
        </Button>
        <Popconfirm title={t('summary.submitConfirm')} onConfirm={() => void submitReport()} okButtonProps={{ 'data-testid': 'summary-submit-confirm' } as ButtonProps}>
          <Button type="primary" disabled={body.trim() === ''} loading={submit.isPending} data-testid="summary-submit">
            {t('summary.submit')}
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}

function SummaryReadOnly({ pilotId, view }: { pilotId: string; view: SummaryView }) {
  const { t } = useI18n();
  const r = view.report;
  if (!r)
    return (
      <p className="muted">
        {t('summary.none')}。{t('summary.notOpen')}
      </p>
    );
  return (
    <div data-testid="summary-report">
      <Tag color={r.status === 'submitted' ? 'green' : 'default'} data-testid="summary-status">
        {r.status === 'submitted' ? t('summary.submitted', { date: formatDate(r.submittedAt) }) : t('summary.draft')}
      </Tag>
      <div className="prewrap block-gap">{r.body}</div>
      {r.files.length > 0 && (
        <ul className="block-gap">
          {r.files.map((f) => (
            <li key={f.id}>
              <a href={pilotLinks.summaryFile(pilotId, f.id)} download data-testid={`summary-file-${f.id}`}>
                <PaperClipOutlined /> {f.filename}
              </a>{' '}
              <span className="muted small">{formatSize(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NominationModal({ pilotId, editing, onClose }: { pilotId: string; editing: Nomination | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NominationBody>();
  const save = useSaveNomination(pilotId);
  const { busy, submit } = useSubmit(form, async (body) => {
    await save.mutateAsync({ editing: editing ? { id: editing.id, version: editing.version } : null, body });
    onClose();
  });
  return (
    <Modal
      open
      title={editing ? t('nominations.edit') : t('nominations.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('nominations.save')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'nomination-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={editing ?? { title: '', summary: '', body: '' }}>
        <Form.Item name="title" label={t('nominations.titleField')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="nomination-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('nominations.summaryField')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <Input.TextArea rows={2} data-testid="nomination-summary" />
        </Form.Item>
        <Form.Item name="body" label={t('nominations.bodyField')} rules={[{ max: 50_000 }]}>
          <Input.TextArea rows={6} data-testid="nomination-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Nominations({ pilotId, view }: { pilotId: string; view: SummaryView }) {
  const { t } = useI18n();
  const showError = useShowError();
  const remove = useDeleteNomination(pilotId);
  const [editing, setEditing] = useState<Nomination | 'new' | null>(null);
  const can = view.abilities.includes('nominate');
  return (
    <div data-testid="nominations">
      <p className="muted">{t('nominations.intro')}</p>
      <List
        dataSource={view.nominations}
        locale={{ emptyText: t('nominations.none') }}
        renderItem={(n) => (
          <List.Item
            data-testid={`nomination-${n.id}`}
            actions={
              can
                ? [
                    <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => setEditing(n)} data-testid={`nomination-edit-${n.id}`}>
                      {t('nominations.edit')}
                    </Button>,
                    <Popconfirm key="del" title={t('nominations.deleteConfirm')} onConfirm={() => remove.mutate(n.id, { onError: showError })}>
                      <Button size="small" danger icon={<DeleteOutlined />} data-testid={`nomination-delete-${n.id}`}>
                        {t('nominations.delete')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={4}>
                  {n.title} <Tag>{t('nominations.draft')}</Tag>
                </Space>
              }
              description={n.summary}
            />
          </List.Item>
        )}
      />
      {can && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="nomination-add">
          {t('nominations.add')}
        </Button>
      )}
      {editing && <NominationModal pilotId={pilotId} editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

export function PilotSummarySection({ pilotId }: { pilotId: string }) {
  const { t } = useI18n();
  const summary = useQuery(pilotsQueries.summary(pilotId));
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <div className="panel" aria-busy="true" />;
  const view = summary.data;
  const editable = view.abilities.includes('edit');
  return (
    <>
      <div className="panel" data-testid="pilot-summary">
        <h3 className="pilot-heading">{t('summary.title')}</h3>
        <p className="muted">{t('summary.intro')}</p>
        {editable ? (
          // A fresh editor whenever the stored draft changes.
          <SummaryEditor key={`${view.report?.version ?? 0}`} pilotId={pilotId} view={view} />
        ) : (
          <SummaryReadOnly pilotId={pilotId} view={view} />
        )}
      </div>
      <div className="panel">
        <h3 className="pilot-heading">{t('nominations.title')}</h3>
        <Nominations pilotId={pilotId} view={view} />
      </div>
    </>
  );
}
