/** One target of the target system as an editable card; its checker findings sit underneath. */
import { DeleteOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Popconfirm, Select, Tooltip } from 'antd';
import { memo } from 'react';
import type { Finding } from '../../../../shared/plan/checker';
import {
  DIMENSION_LABELS,
  QUALIFIERS,
  TARGET_DIMENSIONS,
  TARGET_KIND_LABELS,
  TARGET_KINDS,
  type Target,
} from '../../../../shared/plan/plan-schema';
import { FindingItem } from '../findings-list';
import { useI18n } from '../i18n';
import { targetElementId } from '../plan-layout';
import { QUALIFIER_KEYS, targetYearsOf } from '../target-format';

interface Props {
  target: Target;
  index: number;
  applicationYear: number;
  findings: readonly Finding[];
  onChange: (id: string, patch: Partial<Target>) => void;
  onRemove: (id: string) => void;
  onParse: (id: string) => void;
}

export const TargetCard = memo(function TargetCard({ target, index, applicationYear, findings, onChange, onRemove, onParse }: Props) {
  const { t, l } = useI18n();
  const years = targetYearsOf(applicationYear);
  const id = target.id;
  const tid = (field: string) => `target-${id}-${field}`;
  const set = (patch: Partial<Target>) => onChange(id, patch);
  const blocking = findings.some((f) => f.severity === 'blocking');

  return (
    <div
      id={targetElementId(id)}
      className={`target-card${blocking ? ' has-blocking' : findings.length ? ' has-warning' : ''}`}
      data-testid={`target-row-${id}`}
    >
      <div className="target-grid">
        <div className="target-no">{index + 1}</div>
        <label className="f span-2">
          <span>{t('target.indicator')}</span>
          <Input value={target.indicator} maxLength={200} onChange={(e) => set({ indicator: e.target.value })} data-testid={tid('indicator')} />
        </label>
        <label className="f">
          <span>{t('target.unit')}</span>
          <Input value={target.unit} maxLength={40} placeholder="%、亿元、家" onChange={(e) => set({ unit: e.target.value })} data-testid={tid('unit')} />
        </label>
        <label className="f">
          <span>{t('target.dimension')}</span>
          <Select
            value={target.dimension ?? undefined}
            placeholder={t('target.choose')}
            onChange={(v) => set({ dimension: v })}
            options={TARGET_DIMENSIONS.map((d) => ({ value: d, label: l(DIMENSION_LABELS[d]) }))}
            data-testid={tid('dimension')}
          />
        </label>
        <div className="target-actions">
          <Popconfirm title={t('target.removeConfirm')} onConfirm={() => onRemove(id)}>
            <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('target.remove')} data-testid={`btn-remove-target-${id}`} />
          </Popconfirm>
        </div>

        <div />
        <label className="f">
          <span>{t('target.kind')}</span>
          <Select
            value={target.kind ?? undefined}
            placeholder={t('target.choose')}
            onChange={(v) => set({ kind: v })}
            options={TARGET_KINDS.map((k) => ({ value: k, label: l(TARGET_KIND_LABELS[k]) }))}
            data-testid={tid('kind')}
          />
        </label>
        <label className="f">
          <span>{t('target.direction')}</span>
          <Select
            value={target.direction}
            onChange={(v) => set({ direction: v })}
            options={[
              { value: 'higher', label: t('direction.higher') },
              { value: 'lower', label: t('direction.lower') },
            ]}
            data-testid={tid('direction')}
          />
        </label>
        <label className="f">
          <span>{t('target.qualifier')}</span>
          <Select
            value={target.qualifier}
            onChange={(v) => set({ qualifier: v })}
            options={QUALIFIERS.map((q) => ({ value: q, label: t(QUALIFIER_KEYS[q]) }))}
            data-testid={tid('qualifier')}
          />
        </label>
        <label className="f">
          <span>{t('target.dataSource')}</span>
          <Input value={target.dataSource} maxLength={200} onChange={(e) => set({ dataSource: e.target.value })} data-testid={tid('dataSource')} />
        </label>
        <div />

        <div />
        <div className="target-values span-4">
          <label className="f">
            <span>{t('target.baseYear')}</span>
            <InputNumber
              value={target.baseYear}
              min={1949}
              max={2100}
              precision={0}
              onChange={(v) => set({ baseYear: typeof v === 'number' ? v : null })}
              data-testid={tid('baseYear')}
            />
          </label>
          <label className="f">
            <span>{t('target.baselineValue')}</span>
            <InputNumber value={target.baselineValue} onChange={(v) => set({ baselineValue: typeof v === 'number' ? v : null })} data-testid={tid('baselineValue')} />
          </label>
          {years.map((y, i) => (
            <label className="f year" key={y}>
              <span>{t('target.yearValue', { year: y })}</span>
              <InputNumber
                value={target.values[i] ?? null}
                onChange={(v) => {
                  const values = [0, 1, 2].map((j) => (j === i ? (typeof v === 'number' ? v : null) : (target.values[j] ?? null)));
                  set({ values });
                }}
                data-testid={tid(`value-${i}`)}
              />
            </label>
          ))}
        </div>
        <div />

        <div />
        <label className="f span-4">
          <span>{t('target.assessmentMethod')}</span>
          <Input value={target.assessmentMethod} maxLength={500} onChange={(e) => set({ assessmentMethod: e.target.value })} data-testid={tid('assessmentMethod')} />
        </label>
        <div />

        <div />
        <label className="f span-4">
          <span>{t('target.wording')}</span>
          <div className="wording-row">
            <Input.TextArea
              value={target.wording}
              maxLength={500}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={t('target.wordingPlaceholder')}
              onChange={(e) => set({ wording: e.target.value })}
              data-testid={tid('wording')}
            />
            <Tooltip title={t('parse.tooltip')}>
              <Button icon={<ThunderboltOutlined />} disabled={!target.wording.trim()} onClick={() => onParse(id)} data-testid={`btn-parse-${id}`}>
                {t('parse.button')}
              </Button>
            </Tooltip>
          </div>
        </label>
        <div />
      </div>
      {findings.length > 0 && (
        <div className="inline-findings">
          {findings.map((f, i) => (
            <FindingItem key={`${f.code}-${i}`} finding={f} />
          ))}
        </div>
      )}
    </div>
  );
});
