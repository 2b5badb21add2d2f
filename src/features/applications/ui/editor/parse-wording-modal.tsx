/**
 * 「从表述解析」: reads a target's own wording with the shared parser and proposes field values.
 * The user sees each change (current → proposed), unticks what they do not want, and applies.
 */
import { Alert, Checkbox, Modal, Table, type ButtonProps } from 'antd';
import { useMemo, useState } from 'react';
import { parseTargetWording } from '../../../../shared/plan/parse-target';
import { TARGET_KIND_LABELS, type Target } from '../../../../shared/plan/plan-schema';
import { useI18n, type Translate } from '../i18n';
import { formatNumber, QUALIFIER_KEYS, targetYearsOf } from '../target-format';

interface Change {
  field: string;
  label: string;
  from: string;
  to: string;
  patch: Partial<Target>;
}

type Labeler = (label: { zh: string; en: string } | undefined) => string;

interface Proposal {
  changes: Change[];
  /** The aspiration phrase when the wording has no figure (显著提升…). */
  vague: string | null;
  /** A target year in the wording that is not one of the plan's three target years. */
  yearOutside: number | null;
}

function proposeChanges(target: Target, applicationYear: number, t: Translate, l: Labeler): Proposal {
  const p = parseTargetWording(target.wording, { applicationYear });
  const changes: Change[] = [];
  // Without a figure there is nothing assessable to fill in.
  if (p.value === null && !p.yearValues) return { changes, vague: p.vague, yearOutside: null };
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const kindLabel = (k: Target['kind']) => (k ? l(TARGET_KIND_LABELS[k]) : '—');
  const dirLabel = (d: Target['direction']) => t(d === 'lower' ? 'direction.lower' : 'direction.higher');

  if (p.indicator && p.indicator !== target.indicator) {
    changes.push({ field: 'indicator', label: t('target.indicator'), from: show(target.indicator), to: p.indicator, patch: { indicator: p.indicator } });
  }
  if (p.kind && p.kind !== target.kind) {
    changes.push({ field: 'kind', label: t('target.kind'), from: kindLabel(target.kind), to: kindLabel(p.kind), patch: { kind: p.kind } });
  }
  if (p.direction && p.direction !== target.direction) {
    changes.push({ field: 'direction', label: t('target.direction'), from: dirLabel(target.direction), to: dirLabel(p.direction), patch: { direction: p.direction } });
  }
  if (p.qualifier && p.qualifier !== target.qualifier) {
    changes.push({
      field: 'qualifier',
      label: t('target.qualifier'),
      from: t(QUALIFIER_KEYS[target.qualifier]),
      to: t(QUALIFIER_KEYS[p.qualifier]),
      patch: { qualifier: p.qualifier },
    });
  }
  if (p.unit && p.unit !== target.unit) {
    changes.push({ field: 'unit', label: t('target.unit'), from: show(target.unit), to: p.unit, patch: { unit: p.unit } });
  }
  if (typeof p.baseYear === 'number' && p.baseYear !== target.baseYear) {
    changes.push({ field: 'baseYear', label: t('target.baseYear'), from: show(target.baseYear), to: String(p.baseYear), patch: { baseYear: p.baseYear } });
  }
  if (typeof p.baselineValue === 'number' && p.baselineValue !== target.baselineValue) {
    changes.push({
      field: 'baselineValue',
      label: t('target.baselineValue'),
      from: formatNumber(target.baselineValue),
      to: formatNumber(p.baselineValue),
      patch: { baselineValue: p.baselineValue },
    });
  }
  const years = targetYearsOf(applicationYear);
  const current = [0, 1, 2].map((i) => target.values[i] ?? null);
  let next = [...current];
  if (p.yearValues && p.yearValues.length === 3) next = [...p.yearValues];
  else if (typeof p.value === 'number') {
    // An average annual rate holds for every year; otherwise the figure belongs to its target year (the last when unsaid).
    const at = typeof p.targetYear === 'number' ? years.indexOf(p.targetYear) : 2;
    if (p.kind === 'annual_growth') next.fill(p.value);
    else if (at >= 0) next[at] = p.value;
  }
  if (next.some((v, i) => v !== current[i])) {
    const fmt = (vals: (number | null)[]) => vals.map((v, i) => `${years[i]}: ${formatNumber(v)}`).join('；');
    changes.push({ field: 'values', label: t('parse.values'), from: fmt(current), to: fmt(next), patch: { values: next } });
  }
  const yearOutside = typeof p.targetYear === 'number' && !years.includes(p.targetYear) ? p.targetYear : null;
  return { changes, vague: null, yearOutside };
}

interface Props {
  target: Target | null;
  applicationYear: number;
  onApply: (id: string, patch: Partial<Target>) => void;
  onClose: () => void;
}

export function ParseWordingModal({ target, applicationYear, onApply, onClose }: Props) {
  const { t, l } = useI18n();
  const { changes, vague, yearOutside } = useMemo<Proposal>(
    () => (target ? proposeChanges(target, applicationYear, t, l) : { changes: [], vague: null, yearOutside: null }),
    [target, applicationYear, t, l],
  );
  const [unticked, setUnticked] = useState<Set<string>>(new Set());

  const apply = () => {
    if (!target) return;
    const patch = Object.assign({}, ...changes.filter((c) => !unticked.has(c.field)).map((c) => c.patch)) as Partial<Target>;
    onApply(target.id, patch);
    setUnticked(new Set());
    onClose();
  };

  return (
    <Modal
      open={target !== null}
      title={t('parse.title')}
      okText={t('parse.apply')}
      okButtonProps={{ disabled: changes.length === 0 || changes.every((c) => unticked.has(c.field)), 'data-testid': 'btn-parse-apply' } as ButtonProps}
      onOk={apply}
      onCancel={() => {
        setUnticked(new Set());
        onClose();
      }}
      width={680}
      destroyOnHidden
    >
      {target && (
        <div data-testid="parse-modal">
          <p className="parse-wording">「{target.wording}」</p>
          {yearOutside !== null && (
            <Alert
              className="block-gap"
              type="warning"
              showIcon
              title={t('parse.yearOutside', { year: yearOutside, from: applicationYear + 1, to: applicationYear + 3 })}
              data-testid="parse-year-outside"
            />
          )}
          {changes.length === 0 ? (
            <Alert
              type={vague ? 'warning' : 'info'}
              showIcon
              title={vague ? t('parse.vague', { phrase: vague }) : t('parse.nothing')}
              description={t('parse.nothingHint')}
              data-testid="parse-nothing"
            />
          ) : (
            <Table<Change>
              rowKey="field"
              size="small"
              pagination={false}
              dataSource={changes}
              data-testid="parse-changes"
              columns={[
                {
                  title: t('parse.use'),
                  width: 60,
                  render: (_v, c) => (
                    <Checkbox
                      checked={!unticked.has(c.field)}
                      onChange={(e) =>
                        setUnticked((s) => {
                          const n = new Set(s);
                          if (e.target.checked) n.delete(c.field);
                          else n.add(c.field);
                          return n;
                        })
                      }
                      data-testid={`parse-use-${c.field}`}
                    />
                  ),
                },
                { title: t('parse.field'), dataIndex: 'label', width: 110 },
                { title: t('parse.current'), dataIndex: 'from', render: (v: string) => <span className="muted">{v}</span> },
                { title: t('parse.proposed'), dataIndex: 'to', render: (v: string) => <strong>{v}</strong> },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
