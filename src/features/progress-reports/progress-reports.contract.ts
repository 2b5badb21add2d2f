/**
 * The progress-reports API as it crosses the wire: a pilot's reporting calendar, one report with its
 * figures (beside the value required that year), tasks, corrections and history, the city's save and
 * submit, the province's confirm and return, corrections of confirmed figures, evidence files, the
 * Excel template and import, and the "what is due" lists. The web takes its types from here.
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime } from '../../shared/contract/wire.js';
import { REPORT_FREQUENCIES, reportScheduleSchema } from '../../shared/monitoring/reporting-periods.js';
import { REPORT_ACTIONS } from '../../shared/permissions/report-scope.js';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'confirmed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DUE_STATES = ['due', 'overdue', 'submitted', 'confirmed'] as const;
export type DueState = (typeof DUE_STATES)[number];

const bilingual = z.object({ zh: z.string(), en: z.string() });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** The reporting schedule as read and saved; a save names the version it edited (0 while the defaults apply). */
export const versionedReportScheduleSchema = reportScheduleSchema.extend({
  version: z.number().int().min(0).describe('Compare-and-set version of the setting (0 while never saved)'),
});

export const pilotReportsParams = z.object({ id: z.uuid() });
export const reportParams = z.object({ id: z.uuid() });
export const evidenceParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const dueListQuery = z.object({ state: z.enum(DUE_STATES).optional() });

export const reportSummarySchema = z
  .object({
    id: z.uuid(),
    pilotId: z.uuid(),
    pilotName: z.string(),
    cityCodes: z.array(z.string()),
    period: z.string().describe('2017 | 2017-H1 | 2017-Q3'),
    periodText: bilingual,
    year: z.number().int(),
    periodStart: isoDate,
    periodEnd: isoDate,
    dueDate: isoDate.describe('Last day on which the report is on time'),
    status: z.enum(REPORT_STATUSES),
    timing: z.enum(['upcoming', 'current', 'due', 'overdue']).describe("Where today stands against the period"),
    overdue: z.boolean().describe('Past the due date and not submitted'),
    daysUntilDue: z.number().int(),
    version: z.number().int(),
    contractVersion: z.number().int(),
    submittedAt: isoDateTime.nullable(),
    confirmedAt: isoDateTime.nullable(),
    abilities: abilitiesOf(REPORT_ACTIONS),
  })
  .describe('A progress report (进度报告) of one period');

export const pilotReportsSchema = z.object({
  pilot: z.object({ id: z.uuid(), name: z.string(), reportFrequency: z.enum(REPORT_FREQUENCIES), periodStartYear: z.number().int(), periodEndYear: z.number().int() }),
  items: z.array(reportSummarySchema),
});

export const evidenceFileSchema = z.object({ id: z.uuid(), filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() });

export const reportValueSchema = z.object({
  targetId: z.string(),
  dimension: z.string().nullable(),
  indicator: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(['higher', 'lower']),
  stretch: z.boolean().describe('力争: a stretch target'),
  required: z.number().nullable().describe('The value required in the report’s year, from the contract in force'),
  finalTarget: z.number().nullable(),
  actual: z.number().nullable(),
  dataSource: z.string(),
  note: z.string(),
  evidence: z.array(evidenceFileSchema),
  corrected: z.boolean().describe('Changed by a correction after confirmation'),
});

export const reportTaskSchema = z.object({
  taskIndex: z.number().int(),
  task: z.string(),
  responsibleUnit: z.string(),
  deadline: z.string(),
  status: z.enum(TASK_STATUSES),
  narrative: z.string(),
});

export const reportHistoryEntrySchema = z.object({
  at: isoDateTime,
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  comment: z.string().nullable(),
});

export const reportCorrectionSchema = z.object({
  at: isoDateTime,
  actorName: z.string().nullable(),
  targetId: z.string(),
  indicator: z.string(),
  oldActual: z.number().nullable(),
  newActual: z.number().nullable(),
  oldDataSource: z.string().nullable(),
  newDataSource: z.string().nullable(),
  reason: z.string(),
});

export const reportDetailSchema = reportSummarySchema
  .extend({
    narrative: z.string(),
    provinceOpinion: z.string().nullable(),
    reviewedAt: isoDateTime.nullable(),
    values: z.array(reportValueSchema),
    tasks: z.array(reportTaskSchema),
    history: z.array(reportHistoryEntrySchema),
    corrections: z.array(reportCorrectionSchema),
  })
  .describe('A progress report with its figures, tasks, corrections and history');

export const saveReportBody = z.object({
  version: z.number().int().min(1),
  narrative: text(10_000).optional(),
  values: z
    .array(
      z.object({
        targetId: z.string().min(1).max(100),
        actual: z.number().finite().nullable(),
        dataSource: text(500),
        note: text(2000).default(''),
        evidenceFileIds: z.array(z.uuid()).max(20).default([]),
      }),
    )
    .max(300)
    .default([]),
  tasks: z
    .array(z.object({ taskIndex: z.number().int().min(0).max(299), status: z.enum(TASK_STATUSES), narrative: text(4000).default('') }))
    .max(300)
    .default([]),
});
export const versionBody = z.object({ version: z.number().int().min(1) });
export const confirmBody = z.object({ version: z.number().int().min(1), opinion: required(2000).describe('省级主管部门审核意见') });
export const returnBody = z.object({ version: z.number().int().min(1), reasons: required(2000).describe('退回理由') });
export const correctionBody = z.object({
  targetId: z.string().min(1).max(100),
  actual: z.number().finite().nullable(),
  dataSource: required(500),
  reason: required(2000).describe('更正理由（必填）'),
  version: z.number().int().min(1).optional(),
});

export const dueListSchema = z.object({
  counts: z.object({ due: z.number().int(), overdue: z.number().int(), submitted: z.number().int(), confirmed: z.number().int() }),
  items: z.array(reportSummarySchema),
});

/** One problem of an imported workbook; row 0 is the whole file. */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().describe('Column letter, or empty for the whole row or file'),
  field: z.string().describe('The column header, or empty'),
  code: z.string(),
  message: bilingual,
});

export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type PilotReports = z.infer<typeof pilotReportsSchema>;
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type ReportValue = z.infer<typeof reportValueSchema>;
export type ReportTask = z.infer<typeof reportTaskSchema>;
export type SaveReportInput = z.input<typeof saveReportBody>;
export type SaveReport = z.output<typeof saveReportBody>;
export type CorrectionInput = z.infer<typeof correctionBody>;
export type DueList = z.infer<typeof dueListSchema>;
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
export type ReportAbility = ReportSummary['abilities'][number];
