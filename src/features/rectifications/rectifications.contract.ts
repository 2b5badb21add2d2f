/**
 * The rectification API (限期整改) as it crosses the wire: a pilot's cases and the proposal to open
 * one (findings prefilled from the off-track indicators and an evaluation's weak items, the default
 * deadline), one case with its steps — the city's answer and evidence, the province's opinion, the
 * ministry's re-assessment, suspension (中止) and cancellation (通报取消) — and the public notices.
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { GRADES } from '../../shared/monitoring/evaluation.js';
import { PILOT_STATES } from '../../shared/monitoring/pilot-lifecycle.js';
import {
  PILOT_RECTIFICATION_ACTIONS,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_CASE_STATUSES,
} from '../../shared/permissions/rectification-scope.js';

export const pilotParams = z.object({ id: z.uuid() });
export const caseParams = z.object({ id: z.uuid() });
export const evidenceParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const noticeParams = z.object({ id: z.uuid() });

const text = (max: number) => z.string().trim().min(1).max(max);

export const FINDING_KINDS = ['indicator', 'evaluation', 'evaluation_item', 'other'] as const;
export const findingSchema = z
  .object({
    kind: z.enum(FINDING_KINDS).describe('What the finding rests on: an off-track indicator, an evaluation, one of its weak items, or other'),
    ref: z.string().max(100).nullable().describe('The target id or evaluation item id, when there is one'),
    text: text(1000),
  })
  .describe('One finding (存在问题) of the case');

export const CASE_ORIGINS = ['evaluation', 'indicators', 'manual'] as const;

export const evaluationRefSchema = z.object({
  id: z.uuid(),
  grade: z.enum(GRADES).nullable(),
  totalScore: z.number().nullable(),
});

export const proposalQuery = z.object({ evaluationId: z.uuid().optional() });
export const proposalSchema = z
  .object({
    origin: z.enum(CASE_ORIGINS),
    evaluation: evaluationRefSchema.nullable(),
    findings: z.array(findingSchema),
    /** Whether the latest confirmed figures show at least one indicator off track (滞后). */
    indicatorsOffTrack: z.boolean(),
    deadline: isoDate.describe('Default deadline: the order date plus the configured rectification period'),
  })
  .describe('What a new case would say: prefilled findings and the default deadline');

export const openCaseBody = z.object({
  /** The pilot's version, compare-and-set. */
  version: z.number().int().positive(),
  evaluationId: z.uuid().optional(),
  findings: z.array(findingSchema).min(1).max(50),
  requiredActions: text(5000),
  deadline: isoDate.optional(),
  comment: z.string().trim().max(2000).optional(),
});

const versioned = { version: z.number().int().positive().describe('The case version, compare-and-set') };
export const answerBody = z.object({ ...versioned, response: text(10000), fileIds: z.array(z.uuid()).max(30).default([]) });
export const opinionBody = z.object({ ...versioned, opinion: text(5000) });
export const reassessBody = z.object({ ...versioned, reassessment: text(5000), grade: z.enum(GRADES) });
export const suspendBody = z.object({ ...versioned, comment: text(2000) });
export const cancelBody = z.object({
  ...versioned,
  comment: text(2000),
  documentNo: z.string().trim().min(3).max(60).optional().describe('发文字号 of the 通报; generated when omitted'),
  publish: z.boolean().default(true).describe('Mark the notice for publication on the public pages'),
});

export const evidenceFileSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  createdAt: isoDateTime,
});

export const noticeSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    pilotId: z.uuid().nullable(),
    documentNo: z.string(),
    title: z.string(),
    body: z.string(),
    issuedOn: isoDate,
    published: z.boolean(),
    publishedAt: isoDateTime.nullable(),
    isDemo: z.boolean(),
  })
  .describe('A public notice (通报)');
export const noticeListSchema = listOf(noticeSchema);

export const casePilotSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  state: z.enum(PILOT_STATES),
  version: z.number().int(),
});

export const caseSchema = z
  .object({
    id: z.uuid(),
    pilot: casePilotSchema,
    origin: z.enum(CASE_ORIGINS),
    evaluation: evaluationRefSchema.nullable(),
    findings: z.array(findingSchema),
    requiredActions: z.string(),
    deadline: isoDate,
    overdue: z.boolean().describe('The deadline has passed and the case is still open'),
    status: z.enum(RECTIFICATION_CASE_STATUSES),
    resumePhase: z.string(),
    response: z.string().nullable(),
    evidence: z.array(evidenceFileSchema),
    respondedAt: isoDateTime.nullable(),
    provinceOpinion: z.string().nullable(),
    provinceReviewedAt: isoDateTime.nullable(),
    reassessment: z.string().nullable(),
    reassessmentGrade: z.enum(GRADES).nullable(),
    reassessedAt: isoDateTime.nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
    isDemo: z.boolean(),
    notice: noticeSchema.nullable().describe('The 通报 issued when the pilot was cancelled'),
    abilities: abilitiesOf(RECTIFICATION_ACTIONS),
  })
  .describe('A rectification case (限期整改)');

export const pilotCasesSchema = z.object({
  items: z.array(caseSchema),
  abilities: abilitiesOf(PILOT_RECTIFICATION_ACTIONS),
});

export type Finding = z.infer<typeof findingSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type RectificationCase = z.infer<typeof caseSchema>;
export type PilotCases = z.infer<typeof pilotCasesSchema>;
export type PublicNotice = z.infer<typeof noticeSchema>;
export type NoticeList = z.infer<typeof noticeListSchema>;
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
export type OpenCaseInput = z.infer<typeof openCaseBody>;
export type AnswerInput = z.infer<typeof answerBody>;
export type OpinionInput = z.infer<typeof opinionBody>;
export type ReassessInput = z.infer<typeof reassessBody>;
export type SuspendInput = z.infer<typeof suspendBody>;
export type CancelInput = z.infer<typeof cancelBody>;
