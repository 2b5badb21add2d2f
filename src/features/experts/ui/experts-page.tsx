/**
 * 专家库 (expert pool) for the ministry planning department: the experts with search and filters
 * (kept in the URL), availability switched in place, a form to add or edit one, and Excel export,
 * template and import. A refused import lists every problem by row and column; nothing is saved.
 */
import { DownloadOutlined, EditOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Result, Select, Space, Switch, Table, Tag, Tooltip, Upload, type ButtonProps, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { useDivisions } from '../../../web/lib/reference';
import { setQuery, useLocation } from '../../../web/router';
import { useMe } from '../../../web/session';
import { reviewLinks } from '../../ministry-review/ui/review-api';
import { ExpertFormModal } from './expert-form-modal';
import { expertLinks, importRowErrors, useExpertsApi, type Expert, type ExpertFilters, type ImportRowError } from './experts-api';
import { ImportErrorsModal } from './import-errors-modal';

const PAGE_SIZE = 20;

export default function ExpertsPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const api = useExpertsApi();
  const showErrorNow = useShowError();
  // Loading must not depend on the language: the error display is read through a ref.
  const showErrorRef = useRef(showErrorNow);
  useEffect(() => {
    showErrorRef.current = showErrorNow;
  }, [showErrorNow]);
  const showError = useCallback((err: unknown) => showErrorRef.current(err), []);
  const divisions = useDivisions();
  // Memoised on the query string: a new URLSearchParams per render would reload the list forever.
  const { search: queryString } = useLocation();
  const query = useMemo(() => new URLSearchParams(queryString), [queryString]);
  const allowed = me.permissions.includes('expert.manage');

  const filters: ExpertFilters = useMemo(() => {
    const available = query.get('available');
    return {
      q: query.get('q') ?? undefined,
      field: query.get('field') ?? undefined,
      provinceCode: query.get('province') ?? undefined,
      available: available === 'true' || available === 'false' ? available : undefined,
    };
  }, [query]);
  const page = Math.max(1, Number(query.get('page')) || 1);

  const [data, setData] = useState<{ items: Expert[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [fieldsInUse, setFieldsInUse] = useState<string[]>([]);
  const [suggested, setSuggested] = useState<string[]>([]);
  const [search, setSearch] = useState(filters.q ?? '');
  const [editing, setEditing] = useState<{ expert: Expert | null } | null>(null);
  /** Bumped on every opening of the form, which then starts from fresh values. */
  const [formSeq, setFormSeq] = useState(0);
  const openForm = (expert: Expert | null) => {
    setFormSeq((n) => n + 1);
    setEditing({ expert });
  };
  const [busyId, setBusyId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [importResult, setImportResult] = useState<{ file: string; errors: ImportRowError[] } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.list(filters, page, PAGE_SIZE));
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  }, [api, filters, page, showError]);

  const loadFields = useCallback(
    () =>
      api.fields().then(
        (r) => {
          setFieldsInUse(r.inUse);
          setSuggested(r.suggested);
        },
        (err: unknown) => showError(err),
      ),
    [api, showError],
  );

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);
  useEffect(() => {
    if (allowed) void loadFields();
  }, [allowed, loadFields]);
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  const setFilter = (values: Record<string, string | undefined>) => setQuery({ ...values, page: undefined });

  const toggleAvailable = async (e: Expert, available: boolean) => {
    setBusyId(e.id);
    try {
      const saved = await api.setAvailable(e.id, available);
      setData((d) => (d ? { ...d, items: d.items.map((x) => (x.id === saved.id ? saved : x)) } : d));
      void message.success(t(available ? 'experts.nowAvailable' : 'experts.nowUnavailable', { name: e.name }));
    } catch (err) {
      showError(err);
    } finally {
      setBusyId(null);
    }
  };

  const importFile = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      void message.error(t('experts.import.xlsxOnly'));
      return;
    }
    setImporting(true);
    try {
      const { created } = await api.importFile(file);
      void message.success(t('experts.import.done', { n: created }));
      await Promise.all([load(), loadFields()]);
    } catch (err) {
      const rows = importRowErrors(err);
      if (rows) setImportResult({ file: file.name, errors: rows });
      else showError(err);
    } finally {
      setImporting(false);
    }
  };

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
          <Tooltip title={t('experts.edit')}>
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => openForm(e)} data-testid={`btn-edit-expert-${e.name}`}>
              <strong>{v}</strong>
              <EditOutlined />
            </Button>
          </Tooltip>
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
        me.permissions.includes('review.manage') ? (
          <a href={reviewLinks.expertScores(e.id)} download data-testid={`link-expert-scores-${e.name}`}>
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
          onChange={(next) => void toggleAvailable(e, next)}
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
              void importFile(file);
              return false;
            }}>
            <Button icon={<UploadOutlined />} loading={importing} data-testid="btn-import-experts">
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
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() || undefined })}
            placeholder={t('experts.search')}
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
            style={{ width: 180 }}
            data-testid="experts-filter-province"
          />
          <Select
            allowClear
            value={filters.available}
            onChange={(v?: string) => setFilter({ available: v })}
            options={[
              { value: 'true', label: t('experts.filter.availableOnly') },
              { value: 'false', label: t('experts.filter.unavailableOnly') },
            ]}
            placeholder={t('experts.filter.availability')}
            style={{ width: 140 }}
            data-testid="experts-filter-available"
          />
          <span style={{ flex: 1 }} />
          <span className="muted" data-testid="experts-total">
            {data ? t('experts.total', { n: data.total }) : ''}
          </span>
        </div>
        <Table<Expert>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading || !data}
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
            onChange: (p) => setQuery({ page: p > 1 ? p : undefined }),
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
          void load();
          void loadFields();
        }}
      />
      <ImportErrorsModal fileName={importResult?.file ?? ''} errors={importResult?.errors ?? null} onClose={() => setImportResult(null)} />
    </div>
  );
}
