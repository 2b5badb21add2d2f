/**
 * The sample implementation plan behind the demo data (and the tests' complete plan): a realistic,
 * complete plan of a fictional 演示市, re-labelled for each demo applicant.
 */
import { readFileSync } from 'node:fs';
import type { Plan } from '../../shared/plan/plan-schema.js';

const SAMPLE_JSON = readFileSync(new URL('./sample-plan.json', import.meta.url), 'utf8');
const SAMPLE_APPLICANT = '演示市';

export interface SamplePlanOptions {
  applicant: string;
  cityCodes: string[];
  applicationYear: number;
  title: string;
  /** false: a draft still being written — some chapters empty, some targets unfinished. */
  complete?: boolean;
}

function shortName(applicant: string): string {
  return applicant.replace(/人民政府$/, '').replace(/[、，,].*$/, '') || applicant;
}

export function buildSamplePlan(opts: SamplePlanOptions): Plan {
  const name = shortName(opts.applicant);
  const relabelled = SAMPLE_JSON.split(SAMPLE_APPLICANT).join(name);
  const plan = JSON.parse(relabelled) as Plan;
  plan.cover = { ...plan.cover, title: opts.title, applicant: opts.applicant, cityCodes: opts.cityCodes, applicationYear: opts.applicationYear };
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
