/**
 * What the dashboards read themselves: only the stamp of their response cache. Every row they show
 * comes through the owning feature's public.ts — the pilots and their contract versions (pilots), the
 * city types the approved plans claim (applications), the overdue reports (progress-reports: one
 * indexed filter on status and due date, not the "what is due" list, which builds every pilot's
 * calendar on each call), the open rectification cases (rectifications), the resources per pilot and
 * programme (policy-resources), attainment's cached summaries (attainment).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { contractVersionsStampSql, pilotsStampSql } from '../pilots/public.js';
import { resourcesStampSql } from '../policy-resources/public.js';
import { reportsStampSql } from '../progress-reports/public.js';
import { casesStampSql } from '../rectifications/public.js';

/**
 * One stamp of everything the dashboard shows, for its response cache, in one statement: each owning
 * feature's stamp of its rows (the reports — the overdue list and, through the confirmed ones, the
 * attainment summaries —, the contract versions, the pilots, the rectification cases, the resources)
 * and the kernel's settings store (the programme list). Six scans of small tables.
 */
export async function dashboardStamp(db: Tx): Promise<string> {
  const result = await db.execute(sql`select concat_ws('/',
    ${reportsStampSql()},
    ${contractVersionsStampSql()},
    ${pilotsStampSql()},
    ${casesStampSql()},
    ${resourcesStampSql()},
    (select coalesce(string_agg(concat_ws(':', ${settings.key}, ${settings.version}), ',' order by ${settings.key}), '') from ${settings})) as stamp`);
  const rows = (result as unknown as { rows: { stamp: string }[] }).rows;
  return rows[0]!.stamp;
}
