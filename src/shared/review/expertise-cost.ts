/**
 * The cost of seating an expert on an application's panel, from how well their fields of expertise
 * cover the plan's key industries. Pure. Lower is better; the assignment solver minimises the sum.
 */
import { normaliseText } from '../plan/chinese-numbers.js';
import type { BilingualText } from './rubric.js';

/** Cost of an expert who matches none of the application's key industries. */
export const NO_MATCH_COST = 10;
/** Each matched industry lowers the cost by this much, down to MIN_COST. */
export const PER_MATCH_DISCOUNT = 4;
export const MIN_COST = 1;

function norm(s: string): string {
  return normaliseText(s).replace(/产业|行业|领域|制造业?$/g, '');
}

/** An expert field matches an industry when either name contains the other (after normalising). */
export function fieldMatches(field: string, industry: string): boolean {
  const f = norm(field);
  const i = norm(industry);
  if (f.length < 2 || i.length < 2) return false;
  return f.includes(i) || i.includes(f);
}

export interface ExpertiseMatch {
  cost: number;
  matchedIndustries: string[];
  reasons: BilingualText[];
}

export function expertiseMatch(expertFields: readonly string[], keyIndustries: readonly string[]): ExpertiseMatch {
  const matched = keyIndustries.filter((ind) => expertFields.some((f) => fieldMatches(f, ind)));
  const cost = matched.length ? Math.max(MIN_COST, NO_MATCH_COST - PER_MATCH_DISCOUNT * matched.length) : NO_MATCH_COST;
  const reasons: BilingualText[] = matched.length
    ? [{ zh: `专业领域覆盖重点产业：${matched.join('、')}`, en: `Expertise covers the key industries: ${matched.join(', ')}` }]
    : [{ zh: '专业领域与重点产业不直接对应，作为综合评审专家', en: 'No key industry matched: proposed as a generalist' }];
  return { cost, matchedIndustries: matched, reasons };
}

/** Key industries that no expert on the panel covers. */
export function uncoveredIndustries(keyIndustries: readonly string[], panelFields: readonly (readonly string[])[]): string[] {
  return keyIndustries.filter((ind) => !panelFields.some((fields) => fields.some((f) => fieldMatches(f, ind))));
}
