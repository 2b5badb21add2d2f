/** Reading a plan exchange file (docs/plan-format.md) chosen by the user, validated with the shared schema. */
import { planSchema, type Plan } from '../../../shared/plan/plan-schema';

export type PlanFileResult = { ok: true; plan: Plan } | { ok: false; reason: 'not-json' } | { ok: false; reason: 'invalid'; problems: string[] };

export async function readPlanFile(file: Blob): Promise<PlanFileResult> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = planSchema.safeParse(data);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return {
    ok: false,
    reason: 'invalid',
    problems: parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}

/** The file name a plan is saved under. */
export function planFileName(plan: Plan, refNo?: string): string {
  const base = refNo || plan.cover.title || 'plan';
  return `${base.replace(/[\\/:*?"<>|]+/g, '_')}.json`;
}
