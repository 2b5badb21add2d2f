/** Display helpers for targets, shared by the editor, the detail view and the printed plan. */
import type { Plan, Qualifier, Target } from '../../../shared/plan/plan-schema';
import type { CommonKey } from '../../../web-kit/i18n';

/** The three target years: the three years after the application year. */
export function targetYearsOf(applicationYear: number): [number, number, number] {
  return [applicationYear + 1, applicationYear + 2, applicationYear + 3];
}

export const QUALIFIER_KEYS: Record<Qualifier, CommonKey> = {
  exact: 'qualifier.exact',
  at_least: 'qualifier.at_least',
  at_most: 'qualifier.at_most',
  about: 'qualifier.about',
  strive: 'qualifier.strive',
};

export const QUALIFIER_SHORT_KEYS: Record<Qualifier, CommonKey | null> = {
  exact: null,
  at_least: 'qualifier.short.at_least',
  at_most: 'qualifier.short.at_most',
  about: 'qualifier.short.about',
  strive: 'qualifier.short.strive',
};

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return String(Number(v.toFixed(4)));
}

/** Targets grouped by dimension in the order of TARGET_DIMENSIONS, unassigned last. */
export function groupTargets<T extends Pick<Target, 'dimension'>>(targets: readonly T[], dimensions: readonly string[]) {
  const groups: { dimension: string | null; items: { target: T; index: number }[] }[] = [];
  for (const d of [...dimensions, null]) {
    const items = targets.map((target, index) => ({ target, index })).filter((x) => (x.target.dimension ?? null) === d);
    if (items.length > 0 || d !== null) groups.push({ dimension: d, items });
  }
  return groups;
}

export function planTargetYears(plan: Plan): [number, number, number] {
  return targetYearsOf(plan.cover.applicationYear);
}
