/** What other features may use of policy resources: the configured programme list, and for the dashboards the totals per pilot and programme and their stamp. */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { policyResources } from '../../db/schema.js';
export { getProgrammes } from './policy-resources.service.js';

// ---- for the dashboards ------------------------------------------------------------------------------

/** The dashboards: the resources summed per pilot and programme (one group-by). */
export async function resourceTotalsByPilotAndProgramme(db: Tx) {
  return db
    .select({
      pilotId: policyResources.pilotId,
      programme: policyResources.programme,
      amount: sql<number>`coalesce(sum(${policyResources.amount}), 0)::float8`,
      count: sql<number>`count(*)::int`,
    })
    .from(policyResources)
    .groupBy(policyResources.pilotId, policyResources.programme);
}

/** The dashboards' cache: a stamp of the resources (id, programme, amount, hashed), as one SQL expression. */
export function resourcesStampSql(): SQL {
  return sql`(select md5(coalesce(string_agg(concat_ws('|', ${policyResources.id}, ${policyResources.programme}, ${policyResources.amount}), ',' order by ${policyResources.id}), ''))
       from ${policyResources})`;
}
