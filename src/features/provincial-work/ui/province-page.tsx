/**
 * 省级试点工作 (/province): a provincial authority's own page — the overview of its pilots (phase,
 * latest report, overdue reports, open rectifications), its refined work plan (one, saved with
 * compare-and-set) and its supporting policies with their documents. The ministry picks any
 * authority and reads the same page without editing.
 */
import { PaperClipOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Result, Select, Space, Table, Tabs, Tag, type ButtonProps, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { ApiError } from '../../../web-kit/api-client';
import { useShowError } from '../../../web-kit/errors';
import { formatDate, formatDateTime } from '../../../web-kit/format';
import { useSubmit } from '../../../web-kit/forms';
import { QueryState } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import { useMe } from '../../auth/ui/public';
import type { FileRef, ProvinceOverview, ProvincialPolicy } from '../provincial-work.contract';
import { FileUpload } from './file-upload';
import { useI18n, type MessageKey } from './i18n';
import { fileLink } from './province-api';
import { provinceQueries, useAddPolicy, useSaveWorkPlan } from './province-queries';
import type { ProvinceSearch } from './province-search';

type OverviewPilot = ProvinceOverview['pilots'][number];

function FileLink({ file }: { file: FileRef | null }) {
  if (!file) return <span className="muted">—</span>;
  return (
    <a href={fileLink(file.id)} download data-testid={`province-file-${file.id}`}>
      <PaperClipOutlined /> {file.filename}
    </a>
  );
}

function Overview({ authority }: { authority: string }) {
  const { t } = useI18n();
  const q = useQuery(provinceQueries.overview(authority));
  const known = (key: string) => key as MessageKey;
  const columns: TableColumnsType<OverviewPilot> = [
    { title: t('prov.pilot'), dataIndex: 'name', render: (v: string, r) => <span>{v}<div className="muted small">{r.cityNames.join('、')}</div></span> },
    { title: t('prov.state'), dataIndex: 'state', width: 150, render: (s: string) => <Tag data-testid="province-pilot-state">{t(known(`prov.state.${s}`))}</Tag> },
    { title: t('prov.period'), key: 'period', width: 110, render: (_, r) => `${r.periodStartYear}—${r.periodEndYear}` },
    {
      title: t('prov.latestReport'),
      key: 'latest',
      width: 220,
      render: (_, r) =>
        r.latestReport ? (
          <span data-testid="province-latest-report">
            {r.latestReport.period} · {t(known(`prov.report.${r.latestReport.status}`))}
            <div className="small muted">
              {t('prov.dueOn', { date: formatDate(r.latestReport.dueDate) })}
              {r.latestReport.overdue && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  {t('prov.overdue')}
                </Tag>
              )}
            </div>
          </span>
        ) : (
          <span className="muted">{t('prov.noReport')}</span>
        ),
    },
    {
      title: t('prov.reports'),
      key: 'reports',
      width: 150,
      render: (_, r) => (
        <span>
          {r.reports.confirmed}/{r.reports.total}
          {r.reports.overdue > 0 && <div className="small">{t('prov.overdueReports', { n: r.reports.overdue })}</div>}
          {r.reports.submitted > 0 && <div className="small">{t('prov.awaiting', { n: r.reports.submitted })}</div>}
        </span>
      ),
    },
    {
      title: t('prov.rectifications'),
      key: 'cases',
      width: 220,
      render: (_, r) =>
        r.openRectifications.length === 0 ? (
          <span className="muted">{t('prov.noCase')}</span>
        ) : (
          r.openRectifications.map((c) => (
            <div key={c.id} className="small" data-testid="province-open-case">
              {t(known(`prov.case.${c.status}`))} · {t('prov.deadline', { date: formatDate(c.deadline) })}
              {c.overdue && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  {t('prov.overdue')}
                </Tag>
              )}
            </div>
          ))
        ),
    },
  ];
  return (
    <QueryState query={q}>
      {(data) => (
        <>
          <Space wrap className="block-gap" data-testid="province-totals">
            <span className="muted">{t('prov.today', { date: formatDate(data.today) })}</span>
            <Tag>{t('prov.pilots', { n: data.totals.pilots })}</Tag>
            <Tag color={data.totals.overdueReports ? 'red' : undefined}>{t('prov.overdueReports', { n: data.totals.overdueReports })}</Tag>
            <Tag color={data.totals.awaitingProvince ? 'gold' : undefined}>{t('prov.awaiting', { n: data.totals.awaitingProvince })}</Tag>
            <Tag color={data.totals.openRectifications ? 'orange' : undefined}>{t('prov.openCases', { n: data.totals.openRectifications })}</Tag>
          </Space>
          <Table<OverviewPilot>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={data.pilots}
            locale={{ emptyText: t('prov.noPilots') }}
            onRow={(r) => ({ 'data-testid': `province-pilot-${r.name}` }) as HTMLAttributes<HTMLElement>}
            data-testid="province-overview"
          />
        </>
      )}
    </QueryState>
  );
}

function WorkPlan({ authority }: { authority: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const q = useQuery(provinceQueries.workPlan(authority));
  const save = useSaveWorkPlan(authority);
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [file, setFile] = useState<FileRef | null>(null);
  const [conflict, setConflict] = useState(false);
  const plan = q.data?.plan ?? null;
  const editable = q.data?.abilities.includes('edit') ?? false;

  useEffect(() => {
    form.setFieldsValue({ title: plan?.title ?? '', body: plan?.body ?? '' });
    setFile(plan?.file ?? null);
  }, [plan, form]);

  const { busy, submit } = useSubmit(
    form,
    async (v) => {
      await save.mutateAsync({ version: plan?.version ?? 0, title: v.title, body: v.body, fileId: file?.id ?? null });
      setConflict(false);
      void message.success(t('prov.saved'));
    },
    (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        setConflict(true);
        void q.refetch();
      } else showError(err);
    },
  );

  return (
    <QueryState query={q}>
      {() =>
        !editable ? (
          plan ? (
            <div data-testid="province-plan-view">
              <h3>{plan.title}</h3>
              <p className="muted small">{t('prov.planVersion', { n: plan.version, at: formatDateTime(plan.updatedAt) })}</p>
              <div className="pre-wrap">{plan.body}</div>
              <p>
                {t('prov.planFile')}：<FileLink file={plan.file} />
              </p>
            </div>
          ) : (
            <p className="muted" data-testid="province-plan-none">
              {t('prov.planNone')}
            </p>
          )
        ) : (
          <Form form={form} layout="vertical" data-testid="province-plan-form">
            {conflict && <Alert className="block-gap" type="warning" showIcon title={t('prov.conflict')} data-testid="province-plan-conflict" />}
            {plan && <p className="muted small">{t('prov.planVersion', { n: plan.version, at: formatDateTime(plan.updatedAt) })}</p>}
            <Form.Item name="title" label={t('prov.planTitle')} rules={[{ required: true, whitespace: true, message: t('prov.required') }]}>
              <Input maxLength={200} data-testid="province-plan-title" />
            </Form.Item>
            <Form.Item name="body" label={t('prov.planBody')} rules={[{ required: true, whitespace: true, message: t('prov.required') }]}>
              <Input.TextArea rows={14} maxLength={50_000} data-testid="province-plan-body" />
            </Form.Item>
            <Form.Item label={t('prov.planFile')}>
              <Space wrap>
                <FileLink file={file} />
                {file && (
                  <Button size="small" onClick={() => setFile(null)} data-testid="province-plan-file-remove">
                    {t('prov.removeFile')}
                  </Button>
                )}
                <FileUpload authority={authority} purpose="work_plan" onUploaded={setFile} testId="province-plan-upload" />
              </Space>
            </Form.Item>
            <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void submit()} data-testid="province-plan-save">
              {t('prov.save')}
            </Button>
          </Form>
        )
      }
    </QueryState>
  );
}

function AddPolicyModal({ authority, onClose }: { authority: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ documentNo: string; issuedOn: Dayjs; title: string; summary: string }>();
  const [file, setFile] = useState<FileRef | null>(null);
  const add = useAddPolicy(authority);
  const { busy, submit } = useSubmit(form, async (v) => {
    await add.mutateAsync({ documentNo: v.documentNo, issuedOn: v.issuedOn.format('YYYY-MM-DD'), title: v.title, summary: v.summary, fileId: file?.id ?? null });
    void message.success(t('prov.saved'));
    onClose();
  });
  const required = [{ required: true, whitespace: true, message: t('prov.required') }];
  return (
    <Modal open title={t('prov.addPolicy')} onCancel={onClose} onOk={() => void submit()} okText={t('prov.submit')} cancelText={t('prov.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'province-policy-submit' } as ButtonProps}>
      <Form form={form} layout="vertical">
        <Form.Item name="documentNo" label={t('prov.documentNo')} rules={required}>
          <Input maxLength={100} placeholder="浙政发〔2017〕12号" data-testid="province-policy-docno" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('prov.issuedOn')} rules={[{ required: true, message: t('prov.required') }]}>
          <DatePicker data-testid="province-policy-date" />
        </Form.Item>
        <Form.Item name="title" label={t('prov.policyTitle')} rules={required}>
          <Input maxLength={200} data-testid="province-policy-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('prov.summary')} rules={required}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="province-policy-summary" />
        </Form.Item>
        <Form.Item label={t('prov.attachment')}>
          <Space wrap>
            {file && <span data-testid="province-policy-file">{t('prov.uploaded', { name: file.filename })}</span>}
            <FileUpload authority={authority} purpose="policy" onUploaded={setFile} testId="province-policy-upload" />
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PolicyList({ authority }: { authority: string }) {
  const { t } = useI18n();
  const q = useQuery(provinceQueries.policies(authority));
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<ProvincialPolicy> = [
    { title: t('prov.documentNo'), dataIndex: 'documentNo', width: 190, render: (v: string, r) => <span className="nowrap">{v} {r.isDemo && <DemoTag />}</span> },
    { title: t('prov.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (v: string) => formatDate(v) },
    { title: t('prov.policyTitle'), dataIndex: 'title' },
    { title: t('prov.summary'), dataIndex: 'summary' },
    { title: t('prov.attachment'), key: 'file', width: 200, render: (_, r) => <FileLink file={r.file} /> },
  ];
  return (
    <QueryState query={q}>
      {(data) => (
        <>
          {data.abilities.includes('edit') && (
            <Button className="block-gap" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="province-policy-add">
              {t('prov.addPolicy')}
            </Button>
          )}
          <Table<ProvincialPolicy>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: t('prov.noPolicies') }}
            onRow={(r) => ({ 'data-testid': `province-policy-${r.documentNo}` }) as HTMLAttributes<HTMLElement>}
            data-testid="province-policies"
          />
          {adding && <AddPolicyModal authority={authority} onClose={() => setAdding(false)} />}
        </>
      )}
    </QueryState>
  );
}

export default function ProvincePage({ search, onSearch }: { search: ProvinceSearch; onSearch: (patch: Partial<ProvinceSearch>) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('province_work.read');
  const isProvince = me.user.role === 'provincial_authority';
  const authorities = useQuery({ ...provinceQueries.authorities(), enabled: allowed && !isProvince });
  if (!allowed) return <Result status="403" title={t('prov.noAccess')} />;
  const authority = isProvince ? 'me' : search.authority;
  const tab = search.tab ?? 'overview';

  return (
    <div className="page" data-testid="province">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('prov.title')}
        </h1>
        {!isProvince && (
          <label>
            {t('prov.authority')}{' '}
            <Select
              aria-label={t('prov.authority')}
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 260 }}
              placeholder={t('prov.chooseAuthority')}
              value={search.authority}
              loading={authorities.isPending}
              onChange={(v: string) => onSearch({ authority: v })}
              options={(authorities.data?.items ?? []).map((a) => ({ value: a.authorityId, label: `${a.authorityName}（${a.pilotCount}）` }))}
              data-testid="province-authority"
            />
          </label>
        )}
      </div>
      <div className="panel">
        <p className="muted">{t('prov.intro')}</p>
        {authority ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => onSearch({ tab: k as ProvinceSearch['tab'] })}
            data-testid="province-tabs"
            items={[
              { key: 'overview', label: t('prov.tab.overview'), children: <Overview authority={authority} /> },
              { key: 'plan', label: t('prov.tab.plan'), children: <WorkPlan key={authority} authority={authority} /> },
              { key: 'policies', label: t('prov.tab.policies'), children: <PolicyList authority={authority} /> },
            ]}
          />
        ) : (
          <p className="muted">{t('prov.chooseAuthority')}</p>
        )}
      </div>
    </div>
  );
}
