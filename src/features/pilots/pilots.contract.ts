/**
 * The pilots API as it crosses the wire: the list of pilot cities in the user's scope, one pilot
 * with the targets frozen at approval, and the approval reply (批复) downloads. The routes validate
 * and serialise with these schemas; the web takes its types from them (type-only imports).
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import {
  PILOT_LIFECYCLE_ACTIONS,
  PILOT_PHASES,
  PILOT_STATES,
  phaseScheduleConfigSchema,
  type PilotGuardFailure,
} from '../../shared/monitoring/pilot-lifecycle.js';
import { REPORT_FREQUENCIES } from '../../shared/monitoring/reporting-periods.js';
import { PILOT_ACTIONS } from '../../shared/permissions/pilot-scope.js';
import { targetSchema } from '../../shared/plan/plan-schema.js';

const GUARD_FAILURES = [
  'PHASE_NOT_DUE',
  'EVALUATION_MISSING',
  'EVALUATION_FAILED',
  'EVALUATION_NOT_FAILED',
  'RECTIFICATION_REPORT_MISSING',
  'REASSESSMENT_MISSING',
  'REASSESSMENT_FAILED',
  'RETURN_PHASE_UNKNOWN',
  'RECTIFICATION_PENDING',
] as const satisfies readonly PilotGuardFailure[];

/** Which route carries out an action: this feature's transitions, or the rectification case's routes. */
export const TRANSITION_ROUTES = ['transitions', 'rectification'] as const;

export const lifecycleActionSchema = z
  .object({
    action: z.enum(PILOT_LIFECYCLE_ACTIONS),
    blockedBy: z.enum(GUARD_FAILURES).nullable().describe('Why the action is not possible now (a guard of the lifecycle); null when it is'),
    via: z.enum(TRANSITION_ROUTES).describe('transitions: POST /pilots/:id/transitions; rectification: the rectification case routes'),
  })
  .describe('A lifecycle action the current user may take in the pilot\'s state');

export const pilotParams = z.object({ id: z.uuid() });

export const pilotSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    name: z.string(),
    cityCodes: z.array(z.string()),
    cityNames: z.array(z.string()),
    documentNo: z.string().describe('批复文号, e.g. 工信部规函〔2016〕901号'),
    approvalDate: isoDate.describe('The date printed on the approval reply'),
    periodStartYear: z.number().int(),
    periodEndYear: z.number().int(),
    filedAt: isoDateTime.describe('Filed with the national leading group'),
    targetCount: z.number().int(),
    isDemo: z.boolean(),
    state: z.enum(PILOT_STATES).describe('Lifecycle state: implementation 创建实施, midterm 中期评估, summary 总结示范, completed 示范城市, rectification 限期整改, suspended 中止, cancelled 通报取消'),
    version: z.number().int().describe('Compare-and-set version of the pilot (state, frequency, contract)'),
    contractVersion: z.number().int().describe('The contract version in force now'),
    reportFrequency: z.enum(REPORT_FREQUENCIES),
    lifecycleActions: z.array(lifecycleActionSchema),
    abilities: abilitiesOf(PILOT_ACTIONS),
  })
  .describe('A pilot city (试点城市)');

export const pilotListSchema = listOf(pilotSchema);

export const pilotDetailSchema = pilotSchema
  .extend({ targets: z.array(targetSchema).describe('The approved plan\'s targets, frozen at approval') })
  .describe('A pilot city with its frozen target contract');

export type Pilot = z.infer<typeof pilotSchema>;
export type PilotList = z.infer<typeof pilotListSchema>;
export type PilotDetail = z.infer<typeof pilotDetailSchema>;
export type PilotAbility = Pilot['abilities'][number];

// ---------------------------------------------------------------------------------------------
// The cycle: calendar, transitions, reporting frequency, the schedule setting, contract versions.

const phaseWindowSchema = z.object({ start: isoDate, end: isoDate.describe('Last day, inclusive') });

export const phaseScheduleSchema = z
  .object({
    implementation: phaseWindowSchema,
    midterm: phaseWindowSchema,
    summary: phaseWindowSchema,
    completedFrom: isoDate.describe('From this day the pilot can be confirmed a demonstration city'),
  })
  .describe('The dates of the three phases');

export const pilotEventSchema = z.object({
  id: z.uuid(),
  action: z.string().describe('A lifecycle action, or approve, set_report_frequency, amendment and summary events'),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  comment: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  actorName: z.string().nullable(),
  createdAt: isoDateTime,
});

export const pilotCycleSchema = z
  .object({
    pilotId: z.uuid(),
    state: z.enum(PILOT_STATES),
    resumePhase: z.enum(PILOT_PHASES).nullable().describe('Under rectification: the phase the pilot returns to'),
    version: z.number().int(),
    today: isoDate.describe('The server\'s date in China, against which the calendar is read'),
    schedule: phaseScheduleSchema.nullable(),
    scheduleStored: z.boolean().describe('False while the calendar is computed from the current settings on each read'),
    reportFrequency: z.enum(REPORT_FREQUENCIES),
    contractVersion: z.number().int(),
    allowedActions: z.array(lifecycleActionSchema),
    abilities: abilitiesOf(PILOT_ACTIONS),
    events: z.array(pilotEventSchema).describe('Newest first'),
  })
  .describe('The pilot\'s three-year cycle');

/** The actions POST /pilots/:id/transitions carries out; the others belong to the rectification case. */
export const ROUTE_TRANSITIONS = ['open_midterm', 'open_summary', 'confirm_demonstration'] as const;

export const transitionBody = z.object({
  action: z.enum(PILOT_LIFECYCLE_ACTIONS),
  version: z.number().int().min(1),
  comment: z.string().trim().max(2000).optional(),
});

export const reportingBody = z.object({ reportFrequency: z.enum(REPORT_FREQUENCIES), version: z.number().int().min(1) });

/** The 'pilot_schedule' setting: where the mid-term and summary windows fall, and the months to rectify. */
/** The phase calendar's defaults as read and saved; a save names the version it edited (0 while the built-in defaults apply). */
export const scheduleSettingSchema = phaseScheduleConfigSchema.extend({
  version: z.number().int().min(0).describe('Compare-and-set version of the setting (0 while never saved)'),
});

export const contractVersionSchema = z
  .object({
    version: z.number().int(),
    effectiveFromYear: z.number().int(),
    name: z.string(),
    cityCodes: z.array(z.string()),
    cityNames: z.array(z.string()),
    targets: z.array(targetSchema),
    amendmentId: z.uuid().nullable(),
    createdAt: isoDateTime.nullable().describe('Null for version 1 of a pilot approved before versions were stored'),
    inForce: z.boolean().describe('The version in force now'),
  })
  .describe('One version of the pilot\'s contract');
export const contractVersionListSchema = listOf(contractVersionSchema);

// ---------------------------------------------------------------------------------------------
// The summary 总结示范: the final summary report and nominations of typical experience.

export const SUMMARY_ACTIONS = ['edit', 'submit', 'nominate'] as const;

export const summaryFileSchema = z.object({ id: z.uuid(), filename: z.string(), size: z.number().int() });

export const nominationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  status: z.string().describe('draft: kept for the case library'),
  version: z.number().int().describe('Compare-and-set version of the draft'),
  createdAt: isoDateTime,
});

export const summaryViewSchema = z
  .object({
    report: z
      .object({
        body: z.string(),
        files: z.array(summaryFileSchema),
        status: z.enum(['draft', 'submitted']),
        version: z.number().int(),
        submittedAt: isoDateTime.nullable(),
        updatedAt: isoDateTime,
      })
      .nullable(),
    nominations: z.array(nominationSchema),
    abilities: abilitiesOf(SUMMARY_ACTIONS),
  })
  .describe('The city\'s final summary report 总结报告 and its nominations of typical experience 典型经验');

export const summaryBody = z.object({
  body: z.string().max(100_000),
  fileIds: z.array(z.uuid()).max(20).default([]),
  version: z.number().int().min(0).describe('0 to create the draft, else the draft\'s version'),
});
export const summarySubmitBody = z.object({ version: z.number().int().min(1) });

export const nominationBody = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(1000),
  body: z.string().max(50_000).default(''),
});
/** An edit of a draft names the version it was made on. */
export const nominationUpdateBody = nominationBody.extend({ version: z.number().int().min(1).describe('The version you edited') });
export const nominationParams = z.object({ id: z.uuid(), nominationId: z.uuid() });
export const pilotFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export type PilotCycle = z.infer<typeof pilotCycleSchema>;
export type PilotEvent = z.infer<typeof pilotEventSchema>;
export type LifecycleActionOption = z.infer<typeof lifecycleActionSchema>;
export type TransitionBody = z.infer<typeof transitionBody>;
export type ReportingBody = z.infer<typeof reportingBody>;
export type ScheduleSetting = z.output<typeof scheduleSettingSchema>;
export type ScheduleSettingInput = z.input<typeof scheduleSettingSchema>;
export type ContractVersion = z.infer<typeof contractVersionSchema>;
export type ContractVersionList = z.infer<typeof contractVersionListSchema>;
export type SummaryView = z.infer<typeof summaryViewSchema>;
export type SummaryBody = z.input<typeof summaryBody>;
export type Nomination = z.infer<typeof nominationSchema>;
export type NominationBody = z.input<typeof nominationBody>;
export type NominationUpdateBody = z.input<typeof nominationUpdateBody>;
