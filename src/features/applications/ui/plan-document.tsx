/**
 * The plan as a read-only document, following the reference outline: cover facts, then each
 * chapter and part with its text, and the structured tables after the part that discusses them.
 * The detail page, old versions and the printed plan all render this.
 */
import { Fragment, type ReactNode } from 'react';
import { PLAN_OUTLINE } from '../../../shared/plan/outline';
import { CITY_TYPE_LABELS, DIMENSION_LABELS, TARGET_DIMENSIONS, TARGET_KIND_LABELS, type Plan, type Target } from '../../../shared/plan/plan-schema';
import { useI18n } from './i18n';
import { htmlToParagraphs } from '../../../web-kit/rich-text';
import { useDivisions } from '../../reference/ui/public';
import { BLOCK_LABEL_KEYS, BLOCKS_AFTER_PART, type TableBlock } from './plan-layout';
import { formatNumber, groupTargets, planTargetYears, QUALIFIER_SHORT_KEYS } from './target-format';

interface Props {
  plan: Plan;
  /** Print layout: a cover page of its own and page breaks between chapters. */
  printLayout?: boolean;
}

function Paragraphs({ html, emptyText }: { html: string | undefined; emptyText: string }) {
  const paragraphs = htmlToParagraphs(html);
  if (paragraphs.length === 0) return <p className="doc-empty">{emptyText}</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  );
}

function TargetValue({ target, value }: { target: Target; value: number | null | undefined }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <>—</>;
  const q = QUALIFIER_SHORT_KEYS[target.qualifier];
  return (
    <>
      {q ? `${t(q)} ` : ''}
      {formatNumber(value)}
    </>
  );
}

export function TargetsTable({ plan }: { plan: Plan }) {
  const { t, l } = useI18n();
  const years = planTargetYears(plan);
  if (plan.targets.length === 0) return <p className="doc-empty">{t('doc.noTargets')}</p>;
  const groups = groupTargets(plan.targets, TARGET_DIMENSIONS).filter((g) => g.items.length > 0);
  return (
    <table className="doc-table doc-targets" data-testid="doc-targets">
      <colgroup>
        {[6, 30, 8, 12, 8, 9, 9, 9, 9].map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{t('doc.no')}</th>
          <th>{t('target.indicator')}</th>
          <th className="nowrap">{t('target.unit')}</th>
          <th>{t('target.kind')}</th>
          <th className="nowrap">{t('target.baseYear')}</th>
          <th className="nowrap">{t('target.baselineValue')}</th>
          {years.map((y) => (
            <th key={y} className="nowrap">
              {t('target.yearValue', { year: y })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <Fragment key={g.dimension ?? 'none'}>
            <tr className="doc-group-row">
              <td colSpan={9}>{g.dimension ? l(DIMENSION_LABELS[g.dimension as keyof typeof DIMENSION_LABELS]) : t('target.noDimension')}</td>
            </tr>
            {g.items.map(({ target, index }) => (
              <Fragment key={target.id}>
                <tr data-testid={`doc-target-${target.id}`}>
                  <td className="num" rowSpan={2}>
                    {index + 1}
                  </td>
                  <td>{target.indicator || '—'}</td>
                  <td>{target.unit || '—'}</td>
                  <td>
                    {target.kind ? l(TARGET_KIND_LABELS[target.kind]) : '—'}
                    <div className="doc-wording">{t(target.direction === 'lower' ? 'direction.lower' : 'direction.higher')}</div>
                  </td>
                  <td className="num">{target.baseYear ?? '—'}</td>
                  <td className="num">{formatNumber(target.baselineValue)}</td>
                  {[0, 1, 2].map((i) => (
                    <td key={i} className="num">
                      <TargetValue target={target} value={target.values[i]} />
                    </td>
                  ))}
                </tr>
                <tr className="doc-target-notes">
                  <td colSpan={8}>
                    <span className="doc-note-label">{t('target.wording')}：</span>
                    {target.wording || '—'}
                    <span className="doc-note-sep" />
                    <span className="doc-note-label">{t('target.dataSource')}：</span>
                    {target.dataSource || '—'}
                    <span className="doc-note-sep" />
                    <span className="doc-note-label">{t('target.assessmentMethod')}：</span>
                    {target.assessmentMethod || '—'}
                  </td>
                </tr>
              </Fragment>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function SimpleTable<R>({ rows, columns, testId }: { rows: readonly R[]; columns: { title: string; render: (r: R) => ReactNode; width?: string }[]; testId: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="doc-empty">{t('doc.noRows')}</p>;
  return (
    <table className="doc-table" data-testid={testId}>
      <thead>
        <tr>
          <th style={{ width: '3em' }}>{t('doc.no')}</th>
          {columns.map((c) => (
            <th key={c.title} style={c.width ? { width: c.width } : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td className="num">{i + 1}</td>
            {columns.map((c) => (
              <td key={c.title}>{c.render(r) || '—'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ block, plan }: { block: TableBlock; plan: Plan }) {
  const { t } = useI18n();
  let body: ReactNode;
  switch (block) {
    case 'targets':
      body = <TargetsTable plan={plan} />;
      break;
    case 'keyIndustries':
      body = (
        <SimpleTable
          testId="doc-keyIndustries"
          rows={plan.keyIndustries}
          columns={[
            { title: t('industry.name'), render: (r) => r.name, width: '22%' },
            { title: t('industry.description'), render: (r) => r.description },
            { title: t('industry.outputValue'), render: (r) => (r.outputValue == null ? '' : formatNumber(r.outputValue)), width: '14%' },
          ]}
        />
      );
      break;
    case 'parks':
      body = (
        <SimpleTable
          testId="doc-parks"
          rows={plan.parks}
          columns={[
            { title: t('park.name'), render: (r) => r.name, width: '35%' },
            { title: t('park.level'), render: (r) => r.level, width: '15%' },
            { title: t('park.leadingIndustries'), render: (r) => r.leadingIndustries },
          ]}
        />
      );
      break;
    case 'coreEnterprises':
      body = (
        <SimpleTable
          testId="doc-coreEnterprises"
          rows={plan.coreEnterprises}
          columns={[
            { title: t('enterprise.name'), render: (r) => r.name, width: '30%' },
            { title: t('enterprise.industry'), render: (r) => r.industry, width: '20%' },
            { title: t('enterprise.role'), render: (r) => r.role },
          ]}
        />
      );
      break;
    case 'innovationCarriers':
      body = (
        <SimpleTable
          testId="doc-innovationCarriers"
          rows={plan.innovationCarriers}
          columns={[
            { title: t('carrier.name'), render: (r) => r.name },
            { title: t('carrier.kind'), render: (r) => r.kind, width: '28%' },
            { title: t('carrier.level'), render: (r) => r.level, width: '15%' },
          ]}
        />
      );
      break;
    case 'taskDivision':
      body = (
        <SimpleTable
          testId="doc-taskDivision"
          rows={plan.taskDivision}
          columns={[
            { title: t('task.task'), render: (r) => r.task },
            { title: t('task.responsibleUnit'), render: (r) => r.responsibleUnit, width: '28%' },
            { title: t('task.deadline'), render: (r) => r.deadline, width: '15%' },
          ]}
        />
      );
      break;
    case 'contact':
      body = (
        <table className="doc-table doc-contact" data-testid="doc-contact">
          <tbody>
            <tr>
              <th>{t('contact.name')}</th>
              <td>{plan.contact.name || '—'}</td>
              <th>{t('contact.title')}</th>
              <td>{plan.contact.title || '—'}</td>
            </tr>
            <tr>
              <th>{t('contact.organisation')}</th>
              <td colSpan={3}>{plan.contact.organisation || '—'}</td>
            </tr>
            <tr>
              <th>{t('contact.phone')}</th>
              <td>{plan.contact.phone || '—'}</td>
              <th>{t('contact.mobile')}</th>
              <td>{plan.contact.mobile || '—'}</td>
            </tr>
            <tr>
              <th>{t('contact.email')}</th>
              <td colSpan={3}>{plan.contact.email || '—'}</td>
            </tr>
          </tbody>
        </table>
      );
      break;
  }
  return (
    <div className="doc-block">
      <h4 className="doc-block-title">{t(BLOCK_LABEL_KEYS[block])}</h4>
      {body}
    </div>
  );
}

const CN_NUMERALS = '一二三四五六七八九十';

/** （一）（二）… in Chinese, 1. 2. … in English. */
function partNumber(locale: string, index: number): string {
  return locale === 'zh-CN' ? `（${CN_NUMERALS[index] ?? index + 1}）` : `${index + 1}. `;
}

export function PlanDocument({ plan, printLayout = false }: Props) {
  const { t, l, locale } = useI18n();
  const divisions = useDivisions();
  const cities = plan.cover.cityCodes.map((c) => divisions?.nameOf(c) ?? c).join('、');
  const empty = t('doc.notFilled');

  return (
    <article className={`plan-document${printLayout ? ' print-layout' : ''}`} data-testid="plan-document">
      {printLayout ? (
        <section className="doc-cover-page" data-testid="doc-cover">
          <div className="doc-cover-kicker">{t('doc.coverKicker')}</div>
          <h1 className="doc-cover-title">{t('doc.coverTitle')}</h1>
          <div className="doc-cover-subtitle">{plan.cover.title || empty}</div>
          <dl className="doc-cover-facts">
            <dt>{t('doc.coverApplicant')}</dt>
            <dd>{plan.cover.applicant || empty}</dd>
            <dt>{t('cover.cities')}</dt>
            <dd>{cities || empty}</dd>
            <dt>{t('doc.coverDate')}</dt>
            <dd>{plan.cover.filingDate || empty}</dd>
          </dl>
          <div className="doc-cover-foot">{t('doc.coverFoot')}</div>
        </section>
      ) : (
        <section className="doc-facts" data-testid="doc-cover">
          <h2 className="doc-title">{plan.cover.title || empty}</h2>
          <table className="doc-table doc-facts-table">
            <tbody>
              <tr>
                <th>{t('cover.applicant')}</th>
                <td>{plan.cover.applicant || empty}</td>
                <th>{t('cover.filingDate')}</th>
                <td>{plan.cover.filingDate || empty}</td>
              </tr>
              <tr>
                <th>{t('cover.cities')}</th>
                <td>{cities || empty}</td>
                <th>{t('cover.applicationYear')}</th>
                <td>{plan.cover.applicationYear}</td>
              </tr>
              <tr>
                <th>{t('block.cityTypes')}</th>
                <td colSpan={3}>{plan.cityTypes.map((c) => l(CITY_TYPE_LABELS[c])).join('、') || empty}</td>
              </tr>
            </tbody>
          </table>
        </section>
      )}

      {printLayout && (
        <section className="doc-chapter doc-print-intro">
          <h1 className="doc-plan-title">{plan.cover.title || t('doc.planTitle')}</h1>
          <p className="doc-meta">
            {t('block.cityTypes')}：{plan.cityTypes.map((c) => l(CITY_TYPE_LABELS[c])).join('、') || empty}
          </p>
        </section>
      )}

      {PLAN_OUTLINE.map((chapter) => (
        <section key={chapter.key} className="doc-chapter" data-testid={`doc-chapter-${chapter.key}`}>
          <h2 className="doc-chapter-title">{l(chapter)}</h2>
          {chapter.parts.map((part, i) => (
            <section key={part.key} className="doc-part" data-testid={`doc-part-${part.key}`}>
              {(chapter.parts.length > 1 || part.zh !== chapter.zh.replace(/^第.章\s*/, '')) && (
                <h3 className="doc-part-title">
                  {chapter.parts.length > 1 ? partNumber(locale, i) : ''}
                  {l(part)}
                </h3>
              )}
              <Paragraphs html={plan.sections[part.key]} emptyText={empty} />
              {(BLOCKS_AFTER_PART[part.key] ?? []).map((b) => (
                <Block key={b} block={b} plan={plan} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </article>
  );
}
