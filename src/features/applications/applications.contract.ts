/**
 * The applications API as it crosses the wire: the list in the user's scope, creating and reading
 * an application, saving its plan with optimistic locking, its versions and audit history, the
 * exports, and the lifecycle transitions (submit, forward, return, receive). The routes validate and
 * serialise with these schemas; the web takes its types from them (type-only imports).
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { APPLICATION_ACTIONS, APPLICATION_STATES } from '../../shared/lifecycle/application-lifecycle.js';
import { PAPER_COPY_STATES } from '../../shared/lifecycle/provincial-checklist.js';
import { APPLICATION_ABILITIES } from '../../shared/permissions/application-scope.js';
import { planSchema } from '../../shared/plan/plan-schema.js';
import { findingSchema } from '../plan-check/plan-check.contract.js';

const status = z.enum(APPLICATION_STATES);
const version = z.number().int().positive().describe('The version you loaded (optimistic locking)');

// ---- requests ----

export const attachmentInfoSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    createdAt: isoDateTime,
    uploaderName: z.string().nullable(),
  })
  .describe('An attachment of an application');

export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

export const applicationParams = z.object({ id: z.uuid() });
export const versionParams = z.object({ id: z.uuid(), versionId: z.uuid() });

export const listApplicationsQuery = z.object({
  status: status.optional(),
  queue: z.enum(['true', 'false']).optional().describe('true: only what waits for my action'),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const createApplicationBody = z.object({
  title: z.string().max(200).default(''),
  applicationYear: z.number().int().min(2015).max(2100),
  cityCodes: z.array(z.string().regex(/^\d{6}$/)).max(30).optional(),
  plan: planSchema.optional(),
});

export const savePlanBody = z.object({ version, plan: planSchema, title: z.string().max(200).optional() });

export const submitBody = z.object({ version, comment: z.string().max(2000).optional() });

export const forwardBody = z.object({
  version,
  checklist: z.record(z.string(), z.boolean()),
  opinion: z.string().trim().min(1).max(5000),
  opinionDate: z.iso.date(),
});

export const returnBody = z.object({ version, reasons: z.string().trim().min(1).max(5000) });

export const receiveBody = z.object({
  version,
  printedCopies: z.enum(PAPER_COPY_STATES),
  discs: z.enum(PAPER_COPY_STATES),
  formalCheckPassed: z.boolean(),
  note: z.string().max(2000).optional(),
});

// ---- responses ----

const abilities = abilitiesOf(APPLICATION_ABILITIES);

export const applicationListItemSchema = z
  .object({
    id: z.uuid(),
    refNo: z.string(),
    title: z.string(),
    status,
    version: z.number().int(),
    round: z.number().int(),
    applicationYear: z.number().int(),
    applicantName: z.string(),
    cityCodes: z.array(z.string()),
    updatedAt: isoDateTime,
    submittedAt: isoDateTime.nullable(),
    forwardedAt: isoDateTime.nullable(),
    receivedAt: isoDateTime.nullable(),
    isDemo: z.boolean(),
    abilities,
  })
  .describe('An application in a list');

export const applicationListSchema = listOf(applicationListItemSchema)
  .extend({ total: z.number().int().describe('All matches, over every page') })
  .describe('One page of applications in my scope');

export const createdApplicationSchema = z.object({ id: z.uuid() }).describe('The new application');

export const applicationInfoSchema = z
  .object({
    id: z.uuid(),
    refNo: z.string(),
    title: z.string(),
    status,
    version: z.number().int(),
    round: z.number().int(),
    applicationYear: z.number().int(),
    applicantName: z.string(),
    cities: z.array(z.object({ cityCode: z.string(), authorityId: z.string().describe('The review authority of the city') })),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    submittedAt: isoDateTime.nullable(),
    forwardedAt: isoDateTime.nullable(),
    receivedAt: isoDateTime.nullable(),
    isDemo: z.boolean(),
    abilities,
  })
  .describe('The facts of an application');

export const provincialReviewSchema = z
  .object({
    authorityId: z.string(),
    round: z.number().int(),
    decision: z.enum(['pending', 'forwarded', 'returned', 'superseded']).describe('superseded: another authority returned it first'),
    checklist: z.record(z.string(), z.boolean()).nullable(),
    opinion: z.string().nullable(),
    opinionDate: isoDate.nullable(),
    decidedAt: isoDateTime.nullable(),
    reviewerName: z.string().nullable(),
  })
  .describe("One review authority's preliminary review (初审) in one round");

export const intakeSchema = z
  .object({
    printedCopies: z.enum(PAPER_COPY_STATES),
    discs: z.enum(PAPER_COPY_STATES),
    formalCheckPassed: z.boolean(),
    note: z.string().nullable(),
    recordedAt: isoDateTime,
    recordedByName: z.string().nullable(),
  })
  .describe("The ministry's receipt with the paper copies (形式审查)");

export const applicationDetailSchema = z
  .object({
    application: applicationInfoSchema,
    plan: planSchema,
    findings: z.array(findingSchema),
    allowedActions: z.array(z.enum(APPLICATION_ACTIONS)).describe('The lifecycle actions I may take now'),
    provincialReviews: z.array(provincialReviewSchema),
    intake: intakeSchema.nullable(),
    attachments: z.array(attachmentInfoSchema),
  })
  .describe('An application with its plan, the checker findings and the actions I may take');

export const savedPlanSchema = z
  .object({ version: z.number().int().describe('The new version'), findings: z.array(findingSchema) })
  .describe('The plan is saved');

const versionKind = z.enum(['create', 'import', 'save', 'submitted']);

export const planVersionItemSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    kind: versionKind,
    round: z.number().int(),
    createdAt: isoDateTime,
    authorName: z.string().nullable(),
  })
  .describe('A saved version of the plan');

export const planVersionListSchema = listOf(planVersionItemSchema).describe('The saved versions, newest first');

export const planVersionDetailSchema = z
  .object({ id: z.uuid(), version: z.number().int(), kind: versionKind, plan: planSchema, createdAt: isoDateTime })
  .describe('One saved version of the plan');

export const historyItemSchema = z
  .object({
    id: z.uuid(),
    action: z.string().describe('A lifecycle action, or create, attach, score, recuse …'),
    fromStatus: status.nullable(),
    toStatus: status.nullable(),
    comment: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable().describe('Facts of the event, by action'),
    createdAt: isoDateTime,
    actorName: z.string().nullable(),
    actorOrganisation: z.string().nullable(),
  })
  .describe('One event of the audit history');

export const historySchema = listOf(historyItemSchema).describe('The audit history, oldest first');

export const transitionResultSchema = z
  .object({ version: z.number().int().describe('The new version'), status })
  .describe('The application after the transition');

// Request bodies as the web builds them: a plan always complete, as the editor holds it.
export type ApplicationListQuery = z.input<typeof listApplicationsQuery>;
export type CreateApplicationBody = z.infer<typeof createApplicationBody>;
export type SavePlanBody = z.infer<typeof savePlanBody>;
export type SubmitBody = z.input<typeof submitBody>;
export type ForwardBody = z.input<typeof forwardBody>;
export type ReturnBody = z.input<typeof returnBody>;
export type ReceiveBody = z.input<typeof receiveBody>;

export type ApplicationListItem = z.infer<typeof applicationListItemSchema>;
export type ApplicationList = z.infer<typeof applicationListSchema>;
export type CreatedApplication = z.infer<typeof createdApplicationSchema>;
export type ApplicationInfo = z.infer<typeof applicationInfoSchema>;
export type ProvincialReview = z.infer<typeof provincialReviewSchema>;
export type Intake = z.infer<typeof intakeSchema>;
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;
export type SavedPlan = z.infer<typeof savedPlanSchema>;
export type PlanVersionItem = z.infer<typeof planVersionItemSchema>;
export type PlanVersionList = z.infer<typeof planVersionListSchema>;
export type PlanVersionDetail = z.infer<typeof planVersionDetailSchema>;
export type HistoryItem = z.infer<typeof historyItemSchema>;
export type History = z.infer<typeof historySchema>;
export type TransitionResult = z.infer<typeof transitionResultSchema>;
export type ApplicationAbility = ApplicationListItem['abilities'][number];
