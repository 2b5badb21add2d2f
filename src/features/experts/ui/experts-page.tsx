/**
 * 专家库 (expert pool) for the ministry planning department: the experts with search and filters
 * (kept in the URL), availability switched in place, a form to add or edit one, and Excel export,
 * template and import. A refused import lists every problem by row and column; nothing is saved.
 */
import { DownloadOutlined, EditOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Result, Select, Space, Switch, Table, Tag, Tooltip, Upload, type ButtonProps, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useShowError } from '../../../web-kit/errors';
import { QueryError } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import { useDivisions } from '../../reference/ui/public';
import type { Expert, ExpertFilters, ExpertList, ImportRowError } from '../experts.contract';
import { ExpertFormModal } from './expert-form-modal';
import { expertLinks, expertsApi, importRowErrors } from './experts-api';
import { expertKeys, expertsQueries } from './experts-queries';
import type { ExpertsSearch } from './experts-search';
import { useI18n } from './i18n';
import { ImportErrorsModal } from './import-errors-modal';

const PAGE_SIZE = 20;

interface Props {
  search: ExpertsSearch;
  onSearch: (patch: Partial<ExpertsSearch>) => void;
}

export default function ExpertsPage({ search, onSearch }: Props) {
  const { t, l } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const divisions = useDivisions();
  const allowed = me.permissions.includes('expert.manage');

  const filters: ExpertFilters = useMemo(
    () => ({ q: search.q, field: search.field, provinceCode: search.province, available: search.available }),
    [search.q, search.field, search.province, search.available],
  );
  const page = search.page ?? 1;

  // The previous page stays on screen while the next one loads, as the table's loading state.
  const list = useQuery({ ...expertsQueries.list(filters, page, PAGE_SIZE), enabled: allowed, placeholderData: keepPreviousData });
  const fields = useQuery({ ...expertsQueries.fields(), enabled: allowed });
  const data = list.data;
  const fieldsInUse = fields.data?.inUse ?? [];
  const suggested = fields.data?.suggested ?? [];

  const [searchText, setSearchText] = useState(filters.q ?? '');
  // The search box follows the URL (back/forward, a cleared filter); typing stays local until submitted.
  useEffect(() => setSearchText(filters.q ?? ''), [filters.q]);
  const [editing, setEditing] = useState<{ expert: Expert | null } | null>(null);
  /** Bumped on every opening of the form, which then starts from fresh values. */
  const [formSeq, setFormSeq] = useState(0);
  const openForm = (expert: Expert | null) => {
    setFormSeq((n) => n + 1);
    setEditing({ expert });
  };
  const [importResult, setImportResult] = useState<{ file: string; errors: ImportRowError[] } | null>(null);

  /** The pool changed: every list and the fields in use are read again. */
  const poolChanged = () => queryClient.invalidateQueries({ queryKey: expertKeys.all });

  const availability = useMutation({
    mutationFn: ({ expert, available }: { expert: Expert; available: boolean }) => expertsApi.setAvailable(expert.id, available),
    onSuccess: (saved, { expert, available }) => {
      // The row changes in place (it stays on this page even under an availability filter); other
      // lists, such as a panel editor's pool, are marked stale and read again when next shown.
      queryClient.setQueriesData<ExpertList>({ queryKey: expertKeys.lists }, (d) => (d ? { ...d, items: d.items.map((x) => (x.id === saved.id ? saved : x)) } : d));
      void queryClient.invalidateQueries({ queryKey: expertKeys.lists, refetchType: 'none' });
      void message.success(t(available ? 'experts.nowAvailable' : 'experts.nowUnavailable', { name: expert.name }));
    },
    onError: (err) => showError(err),
  });
  const busyId = availability.isPending ? availability.variables.expert.id : null;

  const importing = useMutation({
    mutationFn: (file: File) => expertsApi.importFile(file),
    onSuccess: ({ created }) => {
      void message.success(t('experts.import.done', { n: created }));
      return poolChanged();
    },
    onError: (err, file) => {
      const rows = importRowErrors(err);
      if (rows) setImportResult({ file: file.name, errors: rows });
      else showError(err);
    },
  });

  const importFile = (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      void message.error(t('experts.import.xlsxOnly'));
      return;
    }
    importing.mutate(file);
  };

  const setFilter = (values: Partial<ExpertsSearch>) => onSearch({ ...values, page: undefined });

  const fieldOptions = useMemo(() => [...new Set([...suggested, ...fieldsInUse])], [suggested, fieldsInUse]);
  const provinceOptions = useMemo(() => (divisions?.tree ?? []).map((p) => ({ value: p.code, label: p.name })), [divisions]);

  if (!allowed) {
    return (
      <div className="page">
        <Result status="403" title={t('experts.noAccess')} />
      </div>
    );
  }

  const columns: TableColumnsType<Expert> = [
    {
      title: t('experts.col.name'),
      dataIndex: 'name',
      width: 110,
      render: (v: string, e) => (
        <div>
          {e.abilities.includes('edit') ? (
            <Tooltip title={t('experts.edit')}>
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => openForm(e)} data-testid={`btn-edit-expert-${e.name}`}>
                <strong>{v}</strong>
                <EditOutlined />
              </Button>
            </Tooltip>
          ) : (
            <strong>{v}</strong>
          )}
          {e.isDemo && (
            <div>
              <Tag className="demo-tag" color="default">
                {t('common.demoData')}
              </Tag>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('experts.col.organisation'),
      dataIndex: 'organisation',
      width: 170,
      render: (v: string, e) => (
        <div>
          <div>{v}</div>
          {e.organisationTypeLabel && e.organisationTypeLabel.zh !== v && <div className="muted small">{l(e.organisationTypeLabel)}</div>}
        </div>
      ),
    },
    { title: t('experts.col.title'), dataIndex: 'title', width: 100, render: (v: string) => v || <span className="muted">—</span> },
    {
      title: t('experts.col.region'),
      key: 'region',
      width: 110,
      render: (_v, e) => (
        <div>
          <div>{e.provinceName}</div>
          {e.cityName && e.cityName !== e.provinceName && <div className="muted small">{e.cityName.startsWith(e.provinceName) ? e.cityName.slice(e.provinceName.length) : e.cityName}</div>}
        </div>
      ),
    },
    {
      title: t('experts.col.fields'),
      dataIndex: 'fields',
      width: 170,
      render: (fields: string[]) => (
        <Space size={[0, 4]} wrap>
          {fields.map((f) => (
            <Tag key={f} color="blue">
              {f}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('experts.col.relations'),
      dataIndex: 'relations',
      width: 180,
      render: (relations: Expert['relations']) =>
        relations.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <Space orientation="vertical" size={2}>
            {relations.map((r, i) => (
              <Tooltip key={`${r.cityCode}-${i}`} title={r.note || undefined}>
                <span className="small" data-testid="expert-relation">
                  <Tag color="orange">{r.cityName}</Tag>
                  {r.kindLabel ? l(r.kindLabel) : r.kind}
                </span>
              </Tooltip>
            ))}
          </Space>
        ),
    },
    { title: t('experts.col.loadCap'), dataIndex: 'loadCap', width: 80, align: 'center' },
    {
      title: t('experts.scores'),
      key: 'scores',
      width: 90,
      render: (_v, e) =>
        e.abilities.includes('downloadScores') ? (
          <a href={expertLinks.scores(e.id)} download data-testid={`link-expert-scores-${e.name}`}>
            <FileExcelOutlined /> {t('experts.scores')}
          </a>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: t('experts.col.available'),
      dataIndex: 'available',
      width: 80,
      align: 'center',
      render: (v: boolean, e) => (
        <Switch
          size="small"
          checked={v}
          loading={busyId === e.id}
          disabled={!e.abilities.includes('setAvailable')}
          onChange={(next) => availability.mutate({ expert: e, available: next })}
          checkedChildren={t('experts.yes')}
          unCheckedChildren={t('experts.no')}
          aria-label={t('experts.col.available')}
          data-testid={`expert-available-${e.name}`}
        />
      ),
    },
  ];

  return (
    <div className="page" data-testid="experts-page">
      <div className="page-head">
        <div>
          <h1 className="page-title" data-testid="page-title">
            {t('experts.title')}
          </h1>
          <div className="muted">{t('experts.subtitle')}</div>
        </div>
        <Space style={{ flexShrink: 0 }}>
          <Button href={expertLinks.template()} icon={<FileExcelOutlined />} data-testid="btn-template-experts">
            {t('experts.template')}
          </Button>
          <Upload accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" showUploadList={false} multiple={false} beforeUpload={(file) => {
              importFile(file);
              return false;
            }}>
            <Button icon={<UploadOutlined />} loading={importing.isPending} data-testid="btn-import-experts">
              {t('experts.import')}
            </Button>
          </Upload>
          <Button href={expertLinks.export(filters)} icon={<DownloadOutlined />} data-testid="btn-export-experts">
            {t('experts.export')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)} data-testid="btn-new-expert">
            {t('experts.new')}
          </Button>
        </Space>
      </div>
      <div className="panel">
        <div className="panel-toolbar" style={{ flexWrap: 'wrap' }}>
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() || undefined })}
            placeholder={t('experts.search')}
            aria-label={t('experts.search')}
            style={{ width: 280 }}
            data-testid="experts-search"
          />
          <Select
            allowClear
            showSearch
            value={filters.field}
            onChange={(v?: string) => setFilter({ field: v })}
            options={fieldsInUse.map((f) => ({ value: f, label: f }))}
            placeholder={t('experts.filter.field')}
            aria-label={t('experts.filter.field')}
            style={{ width: 180 }}
            data-testid="experts-filter-field"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.provinceCode}
            onChange={(v?: string) => setFilter({ province: v })}
            options={provinceOptions}
            loading={!divisions}
            placeholder={t('experts.filter.province')}
            aria-label={t('experts.filter.province')}
            style={{ width: 180 }}
            data-testid="experts-filter-province"
          />
          <Select
            allowClear
            value={filters.available}
            onChange={(v?: ExpertsSearch['available']) => setFilter({ available: v })}
            options={[
              { value: 'true', label: t('experts.filter.availableOnly') },
              { value: 'false', label: t('experts.filter.unavailableOnly') },
            ]}
            placeholder={t('experts.filter.availability')}
            aria-label={t('experts.filter.availability')}
            style={{ width: 140 }}
            data-testid="experts-filter-available"
          />
          <span style={{ flex: 1 }} />
          <span className="muted" data-testid="experts-total">
            {data ? t('experts.total', { n: data.total }) : ''}
          </span>
        </div>
        {(list.isError || fields.isError) && (
          <QueryError
            error={list.error ?? fields.error}
            onRetry={() => {
              void list.refetch();
              void fields.refetch();
            }}
          />
        )}
        <Table<Expert>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.isFetching || (!data && !list.isError)}
          scroll={{ x: 1000 }}
          data-testid="experts-table"
          locale={{ emptyText: t('experts.empty') }}
          onRow={(e) => ({ 'data-testid': `expert-row-${e.name}`, 'data-available': String(e.available) }) as ButtonProps}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (p) => onSearch({ page: p > 1 ? p : undefined }),
          }}
        />
      </div>
      <ExpertFormModal
        key={formSeq}
        open={editing !== null}
        expert={editing?.expert ?? null}
        fieldOptions={fieldOptions}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          setEditing(null);
          void message.success(t(created ? 'experts.created' : 'experts.saved', { name: saved.name }));
        }}
      />
      <ImportErrorsModal fileName={importResult?.file ?? ''} errors={importResult?.errors ?? null} onClose={() => setImportResult(null)} />
    </div>
  );
}
