/**
 * The evaluation API (考核评估) as it crosses the wire: the scheme setting, rounds opened for one or
 * many pilots, one pilot's evaluation with its seated experts, scores (hidden until an expert has
 * submitted his own), departments' opinions, and the decided result with its grade.
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { evaluationSchemeSchema, GRADES } from '../../shared/monitoring/evaluation.js';
import { EVALUATION_ACTIONS } from '../../shared/permissions/evaluation-scope.js';

export const idParams = z.object({ id: z.uuid() });

export const schemeSettingSchema = z.object({
  scheme: evaluationSchemeSchema,
  isDefault: z.boolean().describe('No scheme has been saved: the built-in default applies'),
  updatedAt: isoDateTime.nullable(),
  version: z.number().int().min(0).describe('Compare-and-set version of the setting (0 while never saved)'),
});
export const putSchemeBody = z.object({ scheme: evaluationSchemeSchema, version: z.number().int().min(0).describe('The version you edited') });

export const ROUND_KINDS = ['midterm', 'final'] as const;
export const openRoundBody = z.object({
  kind: z.enum(ROUND_KINDS),
  title: z.string().trim().min(1).max(200),
  deadline: isoDate,
  pilotIds: z.array(z.uuid()).min(1).max(500),
});

const itemScoreSchema = z.object({
  id: z.string(),
  kind: z.enum(['quantitative', 'qualitative']),
  label: z.object({ zh: z.string(), en: z.string() }),
  weight: z.number(),
  score: z.number().nullable(),
  basis: z.number().int(),
  missingIndicators: z.array(z.string()),
});

export const resultSchema = z
  .object({
    items: z.array(itemScoreSchema),
    total: z.number(),
    grade: z.enum(GRADES),
    complete: z.boolean(),
    weakItems: z.array(z.object({ id: z.string(), score: z.number(), reasons: z.array(z.string()) })),
  })
  .describe('The computed result (computeEvaluation)');

export const evaluationSummarySchema = z.object({
  id: z.uuid(),
  pilotId: z.uuid(),
  pilotName: z.string(),
  status: z.enum(['scoring', 'decided']),
  grade: z.enum(GRADES).nullable(),
  totalScore: z.number().nullable(),
});

export const roundSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ROUND_KINDS),
  title: z.string(),
  deadline: isoDate,
  status: z.string(),
  openedAt: isoDateTime,
  evaluations: z.array(evaluationSummarySchema),
});
export const roundListSchema = listOf(roundSchema);

export const memberSchema = z.object({
  expertId: z.uuid(),
  name: z.string(),
  organisation: z.string(),
  submitted: z.boolean(),
});

export const expertScoreSchema = z.object({
  expertId: z.uuid(),
  expertName: z.string(),
  scores: z.record(z.string(), z.number()),
  comments: z.string(),
  submittedAt: isoDateTime,
});

export const opinionSchema = z.object({
  organisationName: z.string(),
  opinion: z.string(),
  scores: z.record(z.string(), z.number()),
  updatedAt: isoDateTime,
});

export const evaluationSchema = evaluationSummarySchema
  .extend({
    round: z.object({ id: z.uuid(), kind: z.enum(ROUND_KINDS), title: z.string(), deadline: isoDate }),
    version: z.number().int(),
    /** The items experts and departments score (the qualitative items of the round's scheme). */
    qualitativeItems: z.array(z.object({ id: z.string(), label: z.object({ zh: z.string(), en: z.string() }), assessor: z.enum(['expert', 'ministry_department']) })),
    /** The result as it would be computed now (quantitative items from the confirmed reports); the decided result once decided. */
    result: resultSchema,
    members: z.array(memberSchema),
    myScores: expertScoreSchema.nullable(),
    scores: z.array(expertScoreSchema).describe('Submitted expert scores the user may see'),
    opinions: z.array(opinionSchema),
    rectificationCaseId: z.uuid().nullable().describe('The case a 不合格 grade opened'),
    abilities: abilitiesOf(EVALUATION_ACTIONS),
  })
  .describe('One pilot’s evaluation');

export const assignBody = z.object({ version: z.number().int().positive(), panelSize: z.number().int().min(1).max(15).default(3) });
const scoreValue = z.number().finite().min(0).max(100);
export const scoreBody = z.object({ scores: z.record(z.string(), scoreValue), comments: z.string().trim().max(5000).default('') });
export const opinionBody = z.object({ opinion: z.string().trim().min(1).max(5000), scores: z.record(z.string(), scoreValue).default({}) });
export const decideBody = z.object({
  version: z.number().int().positive(),
  /** The required actions of the rectification a 不合格 grade opens (a default text when omitted). */
  requiredActions: z.string().trim().min(1).max(5000).optional(),
});

export type SchemeSetting = z.infer<typeof schemeSettingSchema>;
export type EvaluationRound = z.infer<typeof roundSchema>;
export type EvaluationDetail = z.infer<typeof evaluationSchema>;
export type OpenRoundInput = z.infer<typeof openRoundBody>;
