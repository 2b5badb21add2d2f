/**
 * 评审规则设置 (/review/settings, ministry planning): the scoring rubric (criteria with bilingual
 * names and guidance, weights, maximum scores) and the divergence threshold. Weights must sum to 1
 * before saving; the server checks everything again. New rules apply to panels confirmed afterwards.
 */
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Input, InputNumber, Result, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { Criterion } from '../../../shared/review/rubric';
import { errorText } from '../../../web-kit/errors';
import { PageLoading } from '../../../web-kit/page-loading';
import { useMe } from '../../auth/ui/public';
import type { VersionedReviewSettings } from '../review.contract';
import { useI18n } from './i18n';
import { reviewQueries, useSaveSettings } from './review-queries';
import './review.css';

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const SUM_TOLERANCE = 1e-9;

/** A criterion key from an English name ("Plan quality" → plan_quality), or null when none fits. */
function slugKey(name: string): string | null {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return KEY_PATTERN.test(slug) ? slug : null;
}

/** The first free `c<N>` key. */
function nextKey(used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`c${n}`)) n++;
  return `c${n}`;
}

/** Gives criteria added in this session a key from their English name where one is free. */
function withSlugKeys(criteria: Criterion[], added: Set<string>): Criterion[] {
  const used = new Set(criteria.filter((c) => !added.has(c.key)).map((c) => c.key));
  return criteria.map((c) => {
    if (!added.has(c.key)) return c;
    const slug = slugKey(c.name.en);
    const key = slug && !used.has(slug) ? slug : c.key;
    used.add(key);
    return { ...c, key };
  });
}

const weightSum = (criteria: Criterion[]) => criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);

export default function ReviewSettingsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('review.manage');
  const settings = useQuery({ ...reviewQueries.settings(), enabled: allowed });

  if (!allowed) return <Result status="403" title={t('review.noAccess')} />;
  if (settings.isError) return <Alert type="error" showIcon title={t('review.settings.loadFailed')} description={errorText(settings.error, locale)} />;
  if (settings.isPending) return <PageLoading />;
  // A fresh draft whenever the stored rules change (saved from here, or read again and different);
  // reading the same rules again leaves the draft alone.
  return <SettingsEditor key={JSON.stringify(settings.data)} loaded={settings.data} />;
}

/** The rules being edited: a draft of the stored ones until saved. */
function SettingsEditor({ loaded }: { loaded: VersionedReviewSettings }) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const saving = useSaveSettings();
  const [criteria, setCriteria] = useState<Criterion[]>(loaded.rubric.criteria);
  const [threshold, setThreshold] = useState<number>(loaded.divergenceThreshold);
  const [added, setAdded] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<unknown>(null);

  const sum = weightSum(criteria);
  const sumOk = Math.abs(sum - 1) <= SUM_TOLERANCE;

  const update = (key: string, patch: Partial<Criterion>) => setCriteria((cs) => cs.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const updateText = (key: string, field: 'name' | 'guidance', lang: 'zh' | 'en', value: string) =>
    setCriteria((cs) => cs.map((c) => (c.key === key ? { ...c, [field]: { ...c[field], [lang]: value } } : c)));

  const addCriterion = () => {
    const key = nextKey(new Set(criteria.map((c) => c.key)));
    setAdded((s) => new Set(s).add(key));
    setCriteria((cs) => [...cs, { key, name: { zh: '', en: '' }, weight: 0.05, maxScore: 100, guidance: { zh: '', en: '' } }]);
  };

  const save = async () => {
    try {
      // Saving stores the answer in the cache, which starts a fresh draft from it.
      await saving.mutateAsync({ rubric: { ...loaded.rubric, criteria: withSlugKeys(criteria, added) }, divergenceThreshold: threshold, version: loaded.version });
      void message.success(t('review.settings.saved'));
    } catch (err) {
      setError(err);
    }
  };

  const columns: TableColumnsType<Criterion> = [
    {
      title: t('review.settings.name'),
      key: 'name',
      width: 220,
      render: (_, c) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Input value={c.name.zh} maxLength={50} placeholder={t('review.settings.zh')} aria-label={`${t('review.settings.zh')} · ${l(c.name)}`} onChange={(e) => updateText(c.key, 'name', 'zh', e.target.value)} data-testid={`name-zh-${c.key}`} />
          <Input value={c.name.en} maxLength={100} placeholder={t('review.settings.en')} aria-label={`${t('review.settings.en')} · ${l(c.name)}`} onChange={(e) => updateText(c.key, 'name', 'en', e.target.value)} data-testid={`name-en-${c.key}`} />
          <span className="muted small">{t('review.settings.key', { key: c.key })}</span>
        </Space>
      ),
    },
    {
      title: t('review.settings.weight'),
      key: 'weight',
      width: 110,
      render: (_, c) => (
        <InputNumber
          min={0}
          max={1}
          step={0.05}
          value={c.weight}
          aria-label={`${l(c.name)} · ${t('review.settings.weight')}`}
          onChange={(v) => update(c.key, { weight: typeof v === 'number' ? v : 0 })}
          style={{ width: 90 }}
          data-testid={`weight-${c.key}`}
        />
      ),
    },
    {
      title: t('review.settings.maxScore'),
      key: 'max',
      width: 110,
      render: (_, c) => (
        <InputNumber min={1} step={1} value={c.maxScore} aria-label={`${l(c.name)} · ${t('review.settings.maxScore')}`} onChange={(v) => update(c.key, { maxScore: typeof v === 'number' ? v : 0 })} style={{ width: 90 }} data-testid={`max-${c.key}`} />
      ),
    },
    {
      title: t('review.settings.guidance'),
      key: 'guidance',
      render: (_, c) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Input.TextArea value={c.guidance.zh} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('review.settings.zh')} aria-label={`${t('review.settings.guidance')} ${t('review.settings.zh')} · ${l(c.name)}`} onChange={(e) => updateText(c.key, 'guidance', 'zh', e.target.value)} />
          <Input.TextArea value={c.guidance.en} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} placeholder={t('review.settings.en')} aria-label={`${t('review.settings.guidance')} ${t('review.settings.en')} · ${l(c.name)}`} onChange={(e) => updateText(c.key, 'guidance', 'en', e.target.value)} />
        </Space>
      ),
    },
    {
      title: '',
      key: 'remove',
      width: 56,
      render: (_, c) => (
        <Tooltip title={t('review.settings.remove')}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={criteria.length <= 1}
            aria-label={t('review.settings.remove')}
            onClick={() => setCriteria((cs) => cs.filter((x) => x.key !== c.key))}
            data-testid={`btn-remove-${c.key}`}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <div className="page" data-testid="review-settings-page">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('review.settings.title')}
        </h1>
      </div>
      <div className="panel">
        <Alert type="info" showIcon className="block-gap" title={t('review.settings.note')} />
        <Table<Criterion>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={criteria}
          pagination={false}
          data-testid="criteria-table"
          onRow={(c) => ({ 'data-testid': `criterion-row-${c.key}` }) as HTMLAttributes<HTMLElement>}
        />
        <div className="block-gap" style={{ marginTop: 12 }}>
          <Space size="large" wrap>
            <Button icon={<PlusOutlined />} onClick={addCriterion} disabled={criteria.length >= 20} data-testid="btn-add-criterion">
              {t('review.settings.add')}
            </Button>
            <span data-testid="weight-sum" data-ok={String(sumOk)} style={{ color: sumOk ? undefined : 'var(--ant-color-error, #ff4d4f)', fontWeight: 600 }}>
              {t('review.settings.weightSum', { sum: Number(sum.toFixed(4)) })}
              {!sumOk && ` · ${t('review.settings.weightSumHint')}`}
            </span>
          </Space>
        </div>
        <div className="block-gap">
          <Space size="middle" wrap>
            <span>{t('review.settings.threshold')}</span>
            <InputNumber min={0} max={100} step={1} value={threshold} aria-label={t('review.settings.threshold')} onChange={(v) => setThreshold(typeof v === 'number' ? v : 0)} data-testid="threshold" />
            <span className="muted small">{t('review.settings.thresholdHint')}</span>
          </Space>
        </div>
        {error !== null && <Alert type="error" showIcon className="block-gap" title={t('review.settings.saveFailed')} description={errorText(error, locale)} data-testid="settings-error" />}
        <div>
          <Button type="primary" icon={<SaveOutlined />} loading={saving.isPending} disabled={!sumOk} onClick={() => void save()} data-testid="btn-save-settings">
            {t('review.settings.save')}
          </Button>
        </div>
      </div>
    </div>
  );
}
