/**
 * /evaluations/scheme — the evaluation scheme (考核评估体系) as a setting: each item's weight, the
 * grade thresholds, the progress that earns full marks and the missing-data policy. The server
 * validates (weights sum to 1, thresholds descend, 创新能力 and 质量效益 covered) and answers 422
 * otherwise; rounds already open keep the scheme they started with.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { GRADE_LABELS, type EvaluationScheme } from '../../../shared/monitoring/evaluation';
import { useShowError } from '../../../web-kit/errors';
import { QueryState } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import { evaluationsApi } from './evaluations-api';
import { evaluationKeys, evaluationsQueries } from './evaluations-queries';
import { useI18n } from './i18n';

function SchemeForm({ scheme, isDefault, version }: { scheme: EvaluationScheme; isDefault: boolean; version: number }) {
  const { t, l } = useI18n();
  const me = useMe();
  const editable = me.user.role === 'ministry_planning';
  const [draft, setDraft] = useState<EvaluationScheme>(scheme);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const save = async () => {
    setBusy(true);
    try {
      await evaluationsApi.saveScheme(draft, version);
      await qc.invalidateQueries({ queryKey: evaluationKeys.scheme });
      void message.success(t('eval.saved'));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const setWeight = (id: string, weight: number) => setDraft((d) => ({ ...d, items: d.items.map((i) => (i.id === id ? { ...i, weight } : i)) }));
  return (
    <Form layout="vertical" data-testid="form-scheme" disabled={!editable}>
      {isDefault && <Alert className="block-gap" type="info" showIcon title={t('eval.isDefault')} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={draft.items}
        columns={[
          { key: 'item', title: t('eval.item'), render: (_, i) => `${l(i.label)}${i.kind === 'qualitative' ? `（${t(`eval.assessor.${i.assessor}`)}）` : ''}` },
          {
            key: 'weight',
            title: t('eval.weight'),
            render: (_, i) => (
              <InputNumber aria-label={`${t('eval.weight')} ${l(i.label)}`} min={0.01} max={1} step={0.05} value={i.weight} onChange={(v) => setWeight(i.id, v ?? i.weight)} data-testid={`input-weight-${i.id}`} />
            ),
          },
        ]}
      />
      <h3 className="block-gap">{t('eval.grades')}</h3>
      {(['excellent', 'good', 'pass'] as const).map((g) => (
        <Form.Item key={g} label={l(GRADE_LABELS[g])} htmlFor={`grade-${g}`}>
          <InputNumber id={`grade-${g}`} min={0} max={100} value={draft.grades[g]} onChange={(v) => setDraft((d) => ({ ...d, grades: { ...d.grades, [g]: v ?? d.grades[g] } }))} data-testid={`input-grade-${g}`} />
        </Form.Item>
      ))}
      <Form.Item label={t('eval.progressForFullMarks')} htmlFor="full-marks">
        <InputNumber id="full-marks" min={0.1} max={1.5} step={0.05} value={draft.progressForFullMarks} onChange={(v) => setDraft((d) => ({ ...d, progressForFullMarks: v ?? d.progressForFullMarks }))} data-testid="input-full-marks" />
      </Form.Item>
      <Form.Item label={t('eval.missingData')} htmlFor="missing-data">
        <Select
          id="missing-data"
          style={{ width: 280 }}
          value={draft.missingData}
          onChange={(v) => setDraft((d) => ({ ...d, missingData: v }))}
          options={[{ value: 'zero', label: t('eval.missing.zero') }, { value: 'ignore', label: t('eval.missing.ignore') }]}
          data-testid="select-missing-data"
        />
      </Form.Item>
      {editable && (
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="btn-save-scheme">
          {t('eval.save')}
        </Button>
      )}
    </Form>
  );
}

export default function SchemePage() {
  const { t } = useI18n();
  const query = useQuery(evaluationsQueries.scheme());
  return (
    <div className="page" data-testid="scheme-page">
      <div className="page-head">
        <h1 className="page-title">{t('eval.settings')}</h1>
      </div>
      <div className="panel">
        <QueryState query={query}>{(s) => <SchemeForm key={s.version} scheme={s.scheme} isDefault={s.isDefault} version={s.version} />}</QueryState>
      </div>
    </div>
  );
}
