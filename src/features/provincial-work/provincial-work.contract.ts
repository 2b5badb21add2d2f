/**
 * The province's part (通知 一) as it crosses the wire: each provincial authority's refined work
 * plan (one, compare-and-set), its supporting policies (document number, date, title, summary,
 * attachment), the files behind them, and the one-page overview of its pilots' reports, states and
 * open rectifications. The ministry reads every authority's.
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { PROVINCE_WORK_ACTIONS } from '../../shared/permissions/provincial-work-scope.js';

export const authorityParams = z.object({
  authorityId: z
    .string()
    .regex(/^(me|\d{6}|xpcc)$/)
    .describe('A review authority id (province code, 计划单列市 code, xpcc) or "me"'),
});
export const fileParams = z.object({ fileId: z.uuid() });

export const FILE_PURPOSES = ['policy', 'work_plan'] as const;
export const uploadQuery = z.object({ purpose: z.enum(FILE_PURPOSES) });

export const fileRefSchema = z
  .object({ id: z.uuid(), filename: z.string(), mimeType: z.string(), size: z.number().int(), purpose: z.enum(FILE_PURPOSES) })
  .describe('A stored file of the authority');

export const workPlanSchema = z.object({
  title: z.string(),
  body: z.string(),
  file: fileRefSchema.nullable(),
  version: z.number().int(),
  updatedAt: isoDateTime,
});

export const workPlanAnswerSchema = z
  .object({
    authorityId: z.string(),
    authorityName: z.string(),
    plan: workPlanSchema.nullable().describe('Null until the authority writes one'),
    abilities: abilitiesOf(PROVINCE_WORK_ACTIONS),
  })
  .describe('The authority’s refined work plan (细化工作方案)');

export const workPlanBody = z.object({
  version: z.number().int().min(0).describe('The version you edited; 0 for the first'),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50_000),
  fileId: z.uuid().nullable().default(null),
});

export const policySchema = z
  .object({
    id: z.uuid(),
    authorityId: z.string(),
    documentNo: z.string().describe('文号, e.g. 浙政发〔2016〕30号'),
    issuedOn: isoDate,
    title: z.string(),
    summary: z.string(),
    file: fileRefSchema.nullable(),
    createdAt: isoDateTime,
    isDemo: z.boolean(),
  })
  .describe('A supporting policy document of the province');

export const policiesSchema = listOf(policySchema).extend({ authorityId: z.string(), authorityName: z.string(), abilities: abilitiesOf(PROVINCE_WORK_ACTIONS) });

export const policyBody = z.object({
  documentNo: z.string().trim().min(1).max(100),
  issuedOn: isoDate,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(4000),
  fileId: z.uuid().nullable().default(null),
});

export const authoritySummarySchema = z.object({
  authorityId: z.string(),
  authorityName: z.string(),
  workPlanTitle: z.string().nullable(),
  workPlanUpdatedAt: isoDateTime.nullable(),
  policyCount: z.number().int(),
  pilotCount: z.number().int(),
});
export const authoritiesSchema = listOf(authoritySummarySchema).describe('Every authority with a work plan, policies or pilots');

const reportStatus = z.string().describe('draft | submitted | returned | confirmed');

export const overviewSchema = z
  .object({
    authorityId: z.string(),
    authorityName: z.string(),
    today: isoDate,
    pilots: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        cityNames: z.array(z.string()),
        state: z.string().describe('The pilot lifecycle state'),
        periodStartYear: z.number().int(),
        periodEndYear: z.number().int(),
        reports: z.object({
          total: z.number().int(),
          draft: z.number().int(),
          submitted: z.number().int(),
          returned: z.number().int(),
          confirmed: z.number().int(),
          overdue: z.number().int(),
        }),
        latestReport: z.object({ id: z.uuid(), period: z.string(), status: reportStatus, dueDate: isoDate, overdue: z.boolean() }).nullable(),
        openRectifications: z.array(z.object({ id: z.uuid(), status: z.string(), deadline: isoDate, overdue: z.boolean() })),
      }),
    ),
    totals: z.object({ pilots: z.number().int(), overdueReports: z.number().int(), awaitingProvince: z.number().int(), openRectifications: z.number().int() }),
  })
  .describe('The province’s pilots on one page: states, reports, open rectifications');

export type FileRef = z.infer<typeof fileRefSchema>;
export type WorkPlanAnswer = z.infer<typeof workPlanAnswerSchema>;
export type WorkPlanBody = z.infer<typeof workPlanBody>;
export type WorkPlanInput = z.input<typeof workPlanBody>;
export type ProvincialPolicy = z.infer<typeof policySchema>;
export type Policies = z.infer<typeof policiesSchema>;
export type PolicyBody = z.infer<typeof policyBody>;
export type PolicyInput = z.input<typeof policyBody>;
export type Authorities = z.infer<typeof authoritiesSchema>;
export type ProvinceOverview = z.infer<typeof overviewSchema>;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
