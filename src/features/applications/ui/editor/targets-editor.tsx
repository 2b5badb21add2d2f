/**
 * The target system (目标体系): targets grouped by the five dimensions, each group with its own
 * add button; target years follow the application year.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { memo } from 'react';
import type { Finding } from '../../../../shared/plan/checker';
import { DIMENSION_LABELS, TARGET_DIMENSIONS, type Target, type TargetDimension } from '../../../../shared/plan/plan-schema';
import { useI18n } from '../i18n';
import { groupTargets, targetYearsOf } from '../target-format';
import { TargetCard } from './target-card';

const NO_FINDINGS: readonly Finding[] = [];

interface Props {
  targets: readonly Target[];
  applicationYear: number;
  findingsByTarget: ReadonlyMap<string, readonly Finding[]>;
  onAdd: (dimension: TargetDimension | null) => void;
  onChange: (id: string, patch: Partial<Target>) => void;
  onRemove: (id: string) => void;
  onParse: (id: string) => void;
}

export const TargetsEditor = memo(function TargetsEditor({ targets, applicationYear, findingsByTarget, onAdd, onChange, onRemove, onParse }: Props) {
  const { t, l } = useI18n();
  const [y1, , y3] = targetYearsOf(applicationYear);
  const groups = groupTargets(targets, TARGET_DIMENSIONS);

  return (
    <div className="targets-editor" data-testid="targets-editor">
      <p className="muted small">{t('targets.hint', { year: applicationYear, from: y1, to: y3 })}</p>
      {groups.map((g) => {
        const label = g.dimension ? l(DIMENSION_LABELS[g.dimension as TargetDimension]) : t('target.noDimension');
        return (
          <section key={g.dimension ?? 'none'} className="target-group" data-testid={`target-group-${g.dimension ?? 'none'}`}>
            <div className="target-group-head">
              <h4>
                {label} <span className="muted">({g.items.length})</span>
              </h4>
              {g.dimension && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd(g.dimension as TargetDimension)} data-testid={`btn-add-target-${g.dimension}`}>
                  {t('targets.addIn', { dimension: label })}
                </Button>
              )}
            </div>
            {g.items.length === 0 && <div className="muted small empty-group">{t('targets.emptyGroup')}</div>}
            {g.items.map(({ target, index }) => (
              <TargetCard
                key={target.id}
                target={target}
                index={index}
                applicationYear={applicationYear}
                findings={findingsByTarget.get(target.id) ?? NO_FINDINGS}
                onChange={onChange}
                onRemove={onRemove}
                onParse={onParse}
              />
            ))}
          </section>
        );
      })}
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => onAdd(null)} data-testid="btn-add-target">
        {t('targets.add')}
      </Button>
    </div>
  );
});
