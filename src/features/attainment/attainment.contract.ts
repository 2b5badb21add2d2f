/**
 * The attainment API as it crosses the wire: one pilot's dashboard (every indicator's required path,
 * actuals, progress, status and projection, each year measured against the contract version in force
 * that year; roll-ups per dimension and for the pilot) and the ministry's overview of every pilot in
 * scope, each with its Excel export. The web takes its types from here (type-only).
 */
import { z } from 'zod';
import { abilitiesOf } from '../../shared/contract/wire.js';
import { ATTAINMENT_STATUSES, PROJECTION_METHODS } from '../../shared/monitoring/attainment.js';
import { MEASURES, NOT_DERIVABLE_REASONS } from '../../shared/monitoring/indicators.js';
import { PILOT_STATES } from '../../shared/monitoring/pilot-lifecycle.js';
import { ATTAINMENT_ACTIONS } from '../../shared/permissions/attainment-scope.js';
import { QUALIFIERS, TARGET_DIMENSIONS, TARGET_KINDS } from '../../shared/plan/plan-schema.js';

const status = z.enum(ATTAINMENT_STATUSES).describe('on_track 达标 | at_risk 预警 | off_track 滞后 | no_data 暂无数据');
const progress = z.number().nullable().describe('Capped progress: 1 = the required value reached; null without both figures');
const bilingual = z.object({ zh: z.string(), en: z.string() });

export const pilotParams = z.object({ id: z.uuid() });
export const pilotExportQuery = z.object({
  targetId: z.string().min(1).max(100).optional().describe("Only this indicator (one chart's data); all indicators when absent"),
});

const statusCounts = z.object({ on_track: z.number().int(), at_risk: z.number().int(), off_track: z.number().int(), no_data: z.number().int() });

const groupRollupSchema = z.object({
  indicators: z.number().int(),
  notDerivable: z.number().int(),
  withData: z.number().int().describe('Indicators with a current progress figure'),
  meanProgress: progress.describe('Mean of the capped current progress over the indicators with data'),
  statusCounts,
  projectedStatusCounts: statusCounts,
});

export const yearSchema = z.object({
  year: z.number().int(),
  contractVersion: z.number().int().nullable().describe('The contract version this year is measured against; null when that version did not have the target'),
  required: z.number().nullable().describe("The value required in this year by that version's target"),
  requiredSource: z.enum(['plan', 'interpolated', 'held']).nullable(),
  actual: z.number().nullable().describe('The figure of the latest confirmed report of the year'),
  actualPeriod: z.string().nullable().describe('The reporting period the actual comes from, e.g. 2018 or 2018-Q3'),
  progress,
  progressToFinal: progress.describe('Progress toward the final target'),
  status,
});

export const indicatorSchema = z
  .object({
    targetId: z.string(),
    indicator: z.string().describe('The indicator name'),
    dimension: z.enum(TARGET_DIMENSIONS).nullable(),
    kind: z.enum(TARGET_KINDS).nullable(),
    unit: z.string().nullable().describe('Unit of the required values and actuals (null for a relative level)'),
    direction: z.enum(['higher', 'lower']),
    qualifier: z.enum(QUALIFIERS).describe('exact | at_least 以上/不低于 | at_most | about 左右 | strive 力争'),
    stretch: z.boolean().describe('力争: a stretch target, graded and shown as one'),
    bound: z.enum(['floor', 'ceiling']).nullable(),
    tolerance: z.number().describe('Relative tolerance of 左右'),
    measure: z.enum(MEASURES),
    baseYear: z.number().int().nullable(),
    baseline: z.number().nullable(),
    derivable: z.boolean(),
    reason: z.enum(NOT_DERIVABLE_REASONS).nullable().describe('Why the required values cannot be derived'),
    reasonLabel: bilingual.nullable(),
    finalYear: z.number().int(),
    finalTarget: z.number().nullable(),
    years: z.array(yearSchema),
    current: z.object({ year: z.number().int().nullable(), progress, status }).describe('The latest year with a required value and an actual'),
    final: z.object({ progress, status }).describe('The latest actual against the final target'),
    projection: z
      .object({ value: z.number().nullable(), method: z.enum(PROJECTION_METHODS).nullable(), progress, status })
      .describe('The final value projected from the trend so far'),
  })
  .describe('One monitored indicator of the pilot');

export const pilotAttainmentSchema = z
  .object({
    pilot: z.object({
      id: z.uuid(),
      name: z.string(),
      state: z.enum(PILOT_STATES),
      periodStartYear: z.number().int(),
      periodEndYear: z.number().int(),
      isDemo: z.boolean(),
    }),
    thresholds: z.object({
      onTrack: z.number(),
      atRisk: z.number(),
      progressCap: z.number(),
      stretchOnTrack: z.number().optional(),
      stretchAtRisk: z.number().optional(),
    }),
    latestYear: z.number().int().nullable().describe('The latest year with a confirmed figure'),
    contractVersions: z.array(z.object({ version: z.number().int(), effectiveFromYear: z.number().int(), name: z.string() })),
    years: z.array(z.object({ year: z.number().int(), contractVersion: z.number().int().nullable() })).describe('The contract version each year is measured against'),
    indicators: z.array(indicatorSchema),
    rollup: z.object({ pilot: groupRollupSchema, byDimension: z.record(z.enum(TARGET_DIMENSIONS), groupRollupSchema) }),
    abilities: abilitiesOf(ATTAINMENT_ACTIONS),
  })
  .describe("A pilot's attainment dashboard");

export const overviewFilters = z.object({
  province: z.string().min(1).max(20).optional().describe('A review authority id (a province code, a 计划单列市 code or xpcc)'),
  state: z.enum(PILOT_STATES).optional(),
  status: z.enum(ATTAINMENT_STATUSES).optional().describe("The pilot's overall status: the worst current status among its indicators"),
});

export const overviewQuery = overviewFilters.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

const dimensionFigures = z.object({ indicators: z.number().int(), meanProgress: progress }).describe("The dimension's indicators and their mean progress (the status counts per dimension are in the totals)");

export const overviewItemSchema = z.object({
  pilotId: z.uuid(),
  name: z.string(),
  cityNames: z.array(z.string()),
  provinces: z.array(z.object({ id: z.string(), name: z.string() })).describe('The review authorities of its cities'),
  state: z.enum(PILOT_STATES),
  periodStartYear: z.number().int(),
  periodEndYear: z.number().int(),
  isDemo: z.boolean(),
  latestYear: z.number().int().nullable().describe('The latest year with a confirmed figure'),
  indicators: z.number().int(),
  counts: statusCounts,
  meanProgress: progress,
  overallStatus: status,
  byDimension: z.record(z.enum(TARGET_DIMENSIONS), dimensionFigures),
});

export const overviewSchema = z
  .object({
    items: z.array(overviewItemSchema).describe('The page of pilots, in order of approval'),
    total: z.number().int().describe('Pilots matching the filters'),
    page: z.number().int(),
    pageSize: z.number().int(),
    totals: z.object({
      pilots: z.number().int().describe('Pilots matching the filters (all pages)'),
      byOverallStatus: statusCounts.describe('Pilots by overall status'),
      counts: statusCounts.describe('Indicators by status, over the pilots matching the filters (all pages)'),
      byDimension: z.record(z.enum(TARGET_DIMENSIONS), statusCounts),
    }),
    provinces: z.array(z.object({ id: z.string(), name: z.string() })).describe('The authorities of the pilots in scope, for the filter'),
    abilities: abilitiesOf(ATTAINMENT_ACTIONS),
  })
  .describe("Every pilot's attainment in the user's scope");

export type PilotAttainmentView = z.infer<typeof pilotAttainmentSchema>;
export type IndicatorView = z.infer<typeof indicatorSchema>;
export type IndicatorYear = z.infer<typeof yearSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type OverviewItem = z.infer<typeof overviewItemSchema>;
export type OverviewFilters = z.infer<typeof overviewFilters>;
/** The query as the service takes it: without a page size, every pilot (the Excel export). */
export type OverviewQuery = OverviewFilters & { page?: number; pageSize?: number };
export type AttainmentAbility = Overview['abilities'][number];
