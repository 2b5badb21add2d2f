/**
 * The ministry review's API contract: every request and response of the review routes (panel
 * proposals and confirmation, the expert's assignments, declarations, recusals and score sheets,
 * the ministry's overview with aggregates, opinions, discussion, re-scoring and decisions, and the
 * review rules). The routes validate and serialise with these schemas; the web takes its types
 * from them with `import type`.
 */
import { z } from 'zod';
import { abilitiesOf, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { APPLICATION_STATES } from '../../shared/lifecycle/application-lifecycle.js';
import { MEMBER_ABILITIES, REVIEW_ABILITIES, SEAT_ABILITIES } from '../../shared/permissions/review-scope.js';
import { ROLES } from '../../shared/roles/roles.js';
import { planSchema } from '../../shared/plan/plan-schema.js';
import { CONFLICT_RULE_CODES } from '../../shared/review/conflicts.js';
import { DEPARTMENT_STANCES, DOCUMENT_NO_PATTERN, PANEL_STATUSES, SEAT_ROLES } from '../../shared/review/review-terms.js';
import { OPINIONS, rubricSchema } from '../../shared/review/rubric.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

export const applicationParams = z.object({ id: z.uuid() });
export const expertParams = z.object({ id: z.uuid() });
export const panelParams = z.object({ panelId: z.uuid() });

export const bilingualSchema = z.object({ zh: z.string(), en: z.string() });
const applicationStatus = z.enum(APPLICATION_STATES);
const panelStatus = z.enum(PANEL_STATUSES);
const seatRole = z.enum(SEAT_ROLES);
const opinion = z.enum(OPINIONS);
const stance = z.enum(DEPARTMENT_STANCES);

const summarySchema = z.object({
  n: z.number(),
  mean: z.number(),
  median: z.number(),
  min: z.number(),
  max: z.number(),
  sd: z.number().describe('Population standard deviation'),
  spread: z.number().describe('max − min'),
});

/** The aggregate of one application's sheets in the current round (see shared/review/aggregation.ts). */
export const aggregateSchema = z.object({
  n: z.number().int(),
  criteria: z.array(
    z.object({
      key: z.string(),
      maxScore: z.number(),
      summary: summarySchema,
      spreadPer100: z.number(),
      divergent: z.boolean(),
    }),
  ),
  total: summarySchema,
  opinionCounts: z.record(opinion, z.number().int()),
  divergence: z.object({
    divergent: z.boolean(),
    totalDivergent: z.boolean(),
    criteria: z.array(z.string()),
    threshold: z.number(),
    criterionThreshold: z.number(),
  }),
});

/** One expert's score sheet of one round; `total` is the weighted total on 0..100. */
export const scoreSheetSchema = z.object({
  expertId: z.uuid(),
  expertName: z.string(),
  organisation: z.string(),
  round: z.number().int(),
  scores: z.record(z.string(), z.number()),
  opinion,
  comments: z.string(),
  total: z.number(),
  submittedAt: isoDateTime,
});

export const commentSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: isoDateTime,
  authorName: z.string(),
  authorRole: z.enum(ROLES),
});

export const departmentOpinionSchema = z.object({
  organisationName: z.string(),
  authorName: z.string(),
  stance,
  opinion: z.string(),
  createdAt: isoDateTime,
});

export const okSchema = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------------------------
// Proposal and confirmation

export const proposalBody = z.object({
  applicationIds: z.array(z.uuid()).min(1).max(500),
  panelSize: z.number().int().min(3).max(15),
  backups: z.number().int().min(0).max(5).optional(),
  balanceWeight: z.number().min(0).max(100).optional(),
});

export const proposedExpertSchema = z.object({
  expertId: z.uuid(),
  name: z.string(),
  organisation: z.string(),
  title: z.string(),
  fields: z.array(z.string()),
  cost: z.number().describe('Matching cost: lower is a better match of expertise'),
  reasons: z.array(bilingualSchema),
});

export const exclusionSchema = z.object({
  applicationId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  rules: z.array(z.enum(CONFLICT_RULE_CODES)),
  explanations: z.array(bilingualSchema),
});

export const proposalSchema = z.object({
  feasible: z.boolean(),
  totalCost: z.number(),
  panels: z.array(
    z.object({
      applicationId: z.uuid(),
      title: z.string(),
      members: z.array(proposedExpertSchema),
      backups: z.array(proposedExpertSchema),
      shortfall: z.number().int(),
      uncoveredIndustries: z.array(z.string()),
    }),
  ),
  exclusions: z.array(exclusionSchema),
});

export const confirmPanelBody = z.object({
  version: z.number().int().positive(),
  deadline: z.iso.datetime({ offset: true }).or(z.iso.date()),
  members: z.array(z.uuid()).min(1).max(15),
  backups: z.array(z.uuid()).max(5).default([]),
  reasons: z.record(z.string(), z.array(bilingualSchema)).optional(),
  rubric: rubricSchema.optional(),
});

export const confirmPanelResult = z.object({ panelId: z.uuid(), version: z.number().int(), status: applicationStatus });

// ---------------------------------------------------------------------------------------------
// The ministry's overview of an application's review

export const overviewQuery = z.object({ divergenceThreshold: z.coerce.number().min(0).max(100).optional() });

export const reviewMemberSchema = z.object({
  expertId: z.uuid(),
  name: z.string(),
  organisation: z.string(),
  title: z.string(),
  fields: z.array(z.string()),
  role: seatRole,
  cost: z.number(),
  reasons: z.array(bilingualSchema),
  declaredAt: isoDateTime.nullable(),
  recusedAt: isoDateTime.nullable(),
  recusalReason: z.string().nullable(),
  submitted: z.boolean(),
  overdue: z.boolean(),
  abilities: abilitiesOf(MEMBER_ABILITIES),
});

export const reviewOverviewSchema = z.object({
  panel: z
    .object({
      id: z.uuid(),
      deadline: isoDateTime,
      status: panelStatus,
      scoreRound: z.number().int(),
      panelSize: z.number().int(),
      rubric: rubricSchema,
    })
    .nullable(),
  members: z.array(reviewMemberSchema),
  sheets: z.array(scoreSheetSchema),
  /** Names of the members who still owe scores in the current round. */
  outstanding: z.array(z.string()),
  aggregate: aggregateSchema.nullable(),
  normalised: z
    .object({
      applicationId: z.uuid(),
      n: z.number().int(),
      rawMean: z.number(),
      normalisedMean: z.number(),
      calibratedCount: z.number().int(),
    })
    .nullable(),
  percentile: z.number().nullable(),
  /** How many applications completed scoring before this one (the percentile's base). */
  earlierCount: z.number().int(),
  opinions: z.array(departmentOpinionSchema),
  comments: z.array(commentSchema),
  abilities: abilitiesOf(REVIEW_ABILITIES),
});

export const opinionBody = z.object({ stance, opinion: z.string().trim().min(1).max(5000) });
export const commentBody = z.object({ body: z.string().trim().min(1).max(5000) });
export const rescoreBody = z.object({ reason: z.string().trim().min(1).max(2000) });
export const rescoreResult = z.object({ round: z.number().int() });
export const promoteBody = z.object({ expertId: z.uuid() });

export const decisionBody = z.discriminatedUnion('decision', [
  z.object({
    version: z.number().int().positive(),
    decision: z.literal('approve'),
    documentNo: z.string().trim().regex(DOCUMENT_NO_PATTERN),
    approvalDate: z.iso.date(),
    comment: z.string().max(2000).optional(),
  }),
  z.object({ version: z.number().int().positive(), decision: z.enum(['send_back', 'reject']), reasons: z.string().trim().min(1).max(5000) }),
]);

export const decisionResult = z.object({ version: z.number().int(), status: applicationStatus, pilotId: z.uuid().nullable() });

// ---------------------------------------------------------------------------------------------
// Review rules

export const reviewSettingsSchema = z.object({
  rubric: rubricSchema,
  divergenceThreshold: z.number().min(0).max(100),
});
/** The rules as read and saved: a save names the version it edited (0 while the defaults apply). */
export const versionedReviewSettingsSchema = reviewSettingsSchema.extend({
  version: z.number().int().min(0).describe('Compare-and-set version of the rules (0 while the defaults apply)'),
});

// ---------------------------------------------------------------------------------------------
// The expert's side

export const assignmentSchema = z.object({
  panelId: z.uuid(),
  applicationId: z.uuid(),
  deadline: isoDateTime,
  status: panelStatus,
  scoreRound: z.number().int(),
  role: seatRole,
  declaredAt: isoDateTime.nullable(),
  recusedAt: isoDateTime.nullable(),
  title: z.string(),
  refNo: z.string(),
  applicationStatus,
  /** The latest round the expert submitted a sheet for, if any. */
  submittedRound: z.number().int().nullable(),
  submitted: z.boolean(),
  overdue: z.boolean(),
  abilities: abilitiesOf(SEAT_ABILITIES),
});

export const assignmentListSchema = listOf(assignmentSchema);

export const assignmentDetailSchema = z.object({
  panel: z.object({ id: z.uuid(), deadline: isoDateTime, status: panelStatus, scoreRound: z.number().int(), rubric: rubricSchema }),
  seat: z.object({
    role: seatRole,
    declaredAt: isoDateTime.nullable(),
    recusedAt: isoDateTime.nullable(),
    recusalReason: z.string().nullable(),
    /** The expert's sheet of the current round is in. */
    submitted: z.boolean(),
    overdue: z.boolean(),
  }),
  application: z.object({ id: z.uuid(), refNo: z.string(), title: z.string(), applicantName: z.string(), cityCodes: z.array(z.string()) }),
  /** Null until the expert has declared no conflict of interest (and after a recusal). */
  plan: planSchema.nullable(),
  /** The expert's own sheet of the current round. */
  mySheet: scoreSheetSchema.nullable(),
  /** The discussion opens with the plan. */
  comments: z.array(commentSchema),
  abilities: abilitiesOf(SEAT_ABILITIES),
});

export const declareBody = z.object({ noConflict: z.literal(true) });
export const declareResult = z.object({ declared: z.literal(true) });
export const recuseBody = z.object({ reason: z.string().trim().min(2).max(1000) });
export const recuseResult = z.object({ recused: z.literal(true) });
export const scoreBody = z.object({ scores: z.record(z.string(), z.number()), opinion, comments: z.string().max(5000) });
export const scoreResult = z.object({ total: z.number(), round: z.number().int() });

export const panelScoresSchema = z.object({
  sheets: z.array(scoreSheetSchema.extend({ mine: z.boolean() })),
  aggregate: aggregateSchema.nullable(),
});

// ---------------------------------------------------------------------------------------------
// Wire types for the web

export type Bilingual = z.infer<typeof bilingualSchema>;
export type ProposalBody = z.input<typeof proposalBody>;
export type ProposedExpert = z.infer<typeof proposedExpertSchema>;
export type Exclusion = z.infer<typeof exclusionSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type ProposedPanel = Proposal['panels'][number];
export type ConfirmPanelBody = z.input<typeof confirmPanelBody>;
export type ConfirmPanelResult = z.infer<typeof confirmPanelResult>;
export type ScoreAggregate = z.infer<typeof aggregateSchema>;
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export type ReviewComment = z.infer<typeof commentSchema>;
export type DepartmentOpinion = z.infer<typeof departmentOpinionSchema>;
export type ReviewMember = z.infer<typeof reviewMemberSchema>;
export type ReviewOverview = z.infer<typeof reviewOverviewSchema>;
export type OpinionBody = z.input<typeof opinionBody>;
export type DecisionBody = z.input<typeof decisionBody>;
export type DecisionResult = z.infer<typeof decisionResult>;
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;
export type VersionedReviewSettings = z.infer<typeof versionedReviewSettingsSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type AssignmentDetail = z.infer<typeof assignmentDetailSchema>;
export type ScoreBody = z.input<typeof scoreBody>;
export type ScoreResult = z.infer<typeof scoreResult>;
export type PanelScores = z.infer<typeof panelScoresSchema>;
export type PanelScoreSheet = PanelScores['sheets'][number];
export type { DepartmentStance } from '../../shared/review/review-terms.js';
