/**
 * The dashboards API as it crosses the wire (统计看板): GET /dashboard with its filters (province,
 * region, city type, phase) and GET /dashboard.xlsx (the whole dashboard, or one chart's data with
 * `part`). The web takes its types from here (type-only).
 */
import { z } from 'zod';
import { ATTAINMENT_STATUSES } from '../../shared/monitoring/attainment.js';
import { PILOT_STATES } from '../../shared/monitoring/pilot-lifecycle.js';
import { CITY_TYPES } from '../../shared/plan/city-types.js';
import { TARGET_DIMENSIONS } from '../../shared/plan/plan-schema.js';
import { REGIONS } from '../../shared/reference/regions.js';

export const dashboardQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}0000$/)
    .optional()
    .describe('A province-level division by its 6-digit GB/T 2260 code (330000). A provincial authority may name only its own; another is refused with 403'),
  region: z.enum(REGIONS).optional().describe('东部 east, 中部 central, 西部 west, 东北 northeast'),
  cityType: z.enum(CITY_TYPES).optional().describe('A city type the approved plan claims'),
  phase: z.enum(PILOT_STATES).optional().describe('The pilot’s lifecycle state (phase, rectification, suspended …)'),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** The dashboard's charts, each exportable on its own. */
export const DASHBOARD_PARTS = ['provinces', 'regions', 'cityTypes', 'phases', 'cities', 'attainment', 'overdueReports', 'rectifications', 'resources', 'pilots'] as const;
export type DashboardPart = (typeof DASHBOARD_PARTS)[number];

export const dashboardExportQuery = dashboardQuery.extend({
  part: z.enum(DASHBOARD_PARTS).optional().describe('One chart’s data only; without it, every sheet'),
});

const statusCounts = z.object(Object.fromEntries(ATTAINMENT_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof ATTAINMENT_STATUSES)[number], z.ZodNumber>);
const count = z.number().int().min(0);

export const dashboardSchema = z
  .object({
    scope: z.object({
      level: z.enum(['national', 'province']).describe('national: the ministry and the leading group; province: a provincial authority (its own province only)'),
      provinceCode: z.string().nullable().describe('For a province’s scope, its province'),
    }),
    filters: dashboardQuery.describe('The filters in force (a province’s scope always names its province)'),
    today: z.string().describe('The server’s date in China (YYYY-MM-DD): what is overdue is measured against it'),
    totals: z.object({
      pilots: count,
      cities: count,
      overdueReports: count,
      openRectifications: count,
      resourceAmount: z.number().nullable().describe('万元; null when the role may not read policy resources'),
      resourceRecords: count.nullable(),
    }),
    byRegion: z.array(z.object({ key: z.enum(REGIONS), pilots: count })),
    byCityType: z.array(z.object({ key: z.enum(CITY_TYPES), pilots: count })),
    byPhase: z.array(z.object({ key: z.enum(PILOT_STATES), pilots: count })),
    byProvince: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          label: z.string().describe('Short label printed in the tile'),
          region: z.enum(REGIONS).nullable(),
          row: z.number().int(),
          col: z.number().int(),
          pilots: count,
          meanProgress: z.number().nullable().describe('Mean of the pilots’ mean attainment progress (1 = 100 %)'),
        }),
      )
      .describe('Every tile of the schematic province grid (示意图，非地图), with its pilots; a cross-province cluster counts in each province'),
    cities: z.array(z.object({ code: z.string(), name: z.string(), provinceCode: z.string(), pilots: z.array(z.object({ id: z.uuid(), name: z.string() })) })),
    attainment: z.object({
      pilots: count.describe('Pilots with an attainment summary'),
      byDimension: z.record(z.enum(TARGET_DIMENSIONS), statusCounts).describe('Indicators per status in each dimension'),
      all: statusCounts,
      byOverallStatus: statusCounts.describe('Pilots by overall status'),
    }),
    pilots: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        cityCodes: z.array(z.string()),
        cityNames: z.array(z.string()),
        provinceCodes: z.array(z.string()),
        state: z.enum(PILOT_STATES),
        isDemo: z.boolean(),
        overallStatus: z.enum(ATTAINMENT_STATUSES).nullable(),
        meanProgress: z.number().nullable(),
        overdueReports: count,
        openRectifications: count,
      }),
    ),
    overdueReports: z.array(
      z.object({ reportId: z.uuid(), pilotId: z.uuid(), pilotName: z.string(), period: z.string(), periodText: z.object({ zh: z.string(), en: z.string() }), dueDate: z.string(), status: z.string() }),
    ),
    openRectifications: z.array(
      z.object({ caseId: z.uuid(), pilotId: z.uuid(), pilotName: z.string(), status: z.string(), deadline: z.string(), deadlinePassed: z.boolean() }),
    ),
    resources: z
      .object({
        rows: z.array(z.object({ programme: z.string(), zh: z.string(), en: z.string(), amount: z.number().describe('万元'), count, pilots: count })),
        total: z.object({ amount: z.number(), count }),
      })
      .nullable()
      .describe('Policy resources by programme; null when the role may not read them'),
    sections: z.object({
      overdueReports: z.boolean().describe('Whether the role reads progress reports'),
      rectifications: z.boolean(),
      resources: z.boolean(),
    }),
  })
  .describe('The dashboard of the pilots in my scope, filtered');
export type Dashboard = z.infer<typeof dashboardSchema>;
