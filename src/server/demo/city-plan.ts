/**
 * The demo cities' own plans (演示数据): each city's data file (cities/*.ts) holds only what differs
 * from the sample plan — its overview chapters, city types, target figures, industries, parks,
 * enterprises, carriers, task division and contact — and is merged over the sample plan's structure
 * (sample-plan.json), whose generic chapters (talent, policy, organisation) every city keeps.
 *
 * The city files are written in the programme's original years (figures of 2015, applying in 2016,
 * targets for 2017–2019); `buildCityPlan` moves every such year to the application year it is given,
 * so a plan filed in 2025 speaks of 2024 figures and 2026–2028 targets. Numbers 2015–2019 that are
 * not years must therefore not appear in a city file.
 */
import { readFileSync } from 'node:fs';
import type { CityType, Plan, Target } from '../../shared/plan/plan-schema.js';

const SAMPLE: Plan = JSON.parse(readFileSync(new URL('./sample-plan.json', import.meta.url), 'utf8')) as Plan;

/** Every demo plan says what it is. */
const DEMO_NOTE = '<p>【演示数据】本方案为平台演示用,依据公开报道的事实改写,数字为演示估算值,不代表该市正式文件。</p>';

/** The year the city files are written in. */
export const TEMPLATE_APPLICATION_YEAR = 2016;

/** A sample target's figures for this city: baseline, then the three target years' values. */
export type TargetFigures = readonly [baseline: number, y1: number, y2: number, y3: number];

export interface CityPlanData {
  /** Short name used in the plan's text, e.g. 宁波市 or 长株潭. */
  name: string;
  /** As printed on the cover, e.g. 宁波市人民政府. */
  applicant: string;
  cityCodes: readonly string[];
  cityTypes: readonly CityType[];
  /** Overview chapters (sanitised HTML) replacing the sample's; ch2.targets and ch8.other are written from the data. */
  sections: Readonly<Record<string, string>>;
  /** The sample's targets kept, with this city's figures (a sample target not named here is dropped). */
  targets: Readonly<Record<string, TargetFigures>>;
  /** Targets of this city only. */
  extraTargets?: readonly Target[];
  keyIndustries: Plan['keyIndustries'];
  parks: Plan['parks'];
  coreEnterprises: Plan['coreEnterprises'];
  innovationCarriers: Plan['innovationCarriers'];
  taskDivision: Plan['taskDivision'];
  contact: Plan['contact'];
}

export interface CityPlanOptions {
  applicationYear: number;
  title: string;
  /** YYYY-MM-DD; defaults to 30 June of the application year. */
  filingDate?: string;
  /** false: a draft still being written — some chapters empty, one target unfinished, no phone numbers. */
  complete?: boolean;
}

function fmt(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** The sample's wording with its final figure replaced by this city's (the last occurrence of the figure). */
function reword(sample: Target, figures: TargetFigures): string {
  const oldFinal = sample.values[2];
  const newFinal = figures[3];
  if (sample.id === 't-it-digital-design') return `到2019年,${sample.indicator}达到${fmt(newFinal)}%以上`;
  if (oldFinal === null || oldFinal === undefined) return sample.wording;
  const needle = fmt(Math.abs(oldFinal));
  const i = sample.wording.lastIndexOf(needle);
  if (i < 0) throw new Error(`sample target ${sample.id}: its wording does not state ${needle}`);
  return sample.wording.slice(0, i) + fmt(Math.abs(newFinal)) + sample.wording.slice(i + needle.length);
}

function cityTarget(sample: Target, figures: TargetFigures): Target {
  const [baseline, ...values] = figures;
  const oldBaseline = sample.baselineValue === null ? null : `${fmt(sample.baselineValue)}%`;
  return {
    ...sample,
    baselineValue: baseline,
    values,
    wording: reword(sample, figures),
    // The one method that cites the baseline (the share whose change is measured).
    assessmentMethod: oldBaseline && sample.assessmentMethod.includes(`(${oldBaseline})`) ? sample.assessmentMethod.replace(`(${oldBaseline})`, `(${fmt(baseline)}%)`) : sample.assessmentMethod,
  };
}

function targetsSection(data: CityPlanData, targets: readonly Target[]): string {
  const headline = targets.filter((t) => ['t-innovation-rd', 't-quality-productivity', 't-sustainability-energy', 't-quality-value-added-growth'].includes(t.id));
  return (
    `<p>${data.name}围绕创新能力、质量效益、优化结构、可持续发展、两化融合五个方面,设置${targets.length}项量化指标,以2015年为基期,目标期限为2017—2019年,逐年分解、按年考核,详见目标体系表。</p>` +
    `<p>${headline.map((t) => t.wording).join(';')}。</p>`
  );
}

function contactSection(c: Plan['contact']): string {
  return `<p>联系人:${c.name},${c.organisation}${c.title};联系电话:${c.phone};手机:${c.mobile};电子邮箱:${c.email}。</p>`;
}

/** Moves every year 2015–2019 of the template to the same place relative to `applicationYear`. */
function shiftYears(json: string, applicationYear: number): string {
  const offset = applicationYear - TEMPLATE_APPLICATION_YEAR;
  if (offset === 0) return json;
  return json.replace(/(?<![0-9.])(201[5-9])(?![0-9])/g, (y) => String(Number(y) + offset));
}

/** The city's complete plan (or a draft of it), in the application year given. */
export function buildCityPlan(data: CityPlanData, opts: CityPlanOptions): Plan {
  const targets: Target[] = [];
  for (const sample of SAMPLE.targets) {
    const figures = data.targets[sample.id];
    if (figures) targets.push(cityTarget(sample, figures));
  }
  targets.push(...(data.extraTargets ?? []));
  const sections: Record<string, string> = { ...SAMPLE.sections, ...data.sections };
  sections['preface.reasons'] = `${sections['preface.reasons'] ?? ''}${DEMO_NOTE}`;
  sections['ch2.targets'] = targetsSection(data, targets);
  sections['ch8.other'] = contactSection(data.contact);
  const template: Plan = {
    ...SAMPLE,
    cover: { title: '', applicant: data.applicant, cityCodes: [...data.cityCodes], filingDate: '2016-06-30', applicationYear: TEMPLATE_APPLICATION_YEAR },
    cityTypes: [...data.cityTypes],
    sections,
    targets,
    keyIndustries: data.keyIndustries,
    parks: data.parks,
    coreEnterprises: data.coreEnterprises,
    innovationCarriers: data.innovationCarriers,
    taskDivision: data.taskDivision,
    contact: data.contact,
  };
  const plan = JSON.parse(shiftYears(JSON.stringify(template), opts.applicationYear)) as Plan;
  plan.cover.title = opts.title;
  plan.cover.applicationYear = opts.applicationYear;
  if (opts.filingDate) plan.cover.filingDate = opts.filingDate;
  if (opts.complete === false) {
    for (const key of ['ch4.platforms', 'ch4.environment', 'ch6.tax', 'ch6.land', 'ch7.evaluation', 'ch8.other']) plan.sections[key] = '';
    const t = plan.targets[2];
    if (t) {
      t.values = [t.values[0] ?? null, null, null];
      t.wording = `${t.indicator}显著提升`;
    }
    plan.contact = { ...plan.contact, phone: '', mobile: '' };
  }
  return plan;
}
