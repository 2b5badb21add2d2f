/**
 * The amendments API (调整优化) as it crosses the wire: a city proposes a change of its pilot's
 * contract — a member city joins the cluster, or targets are revised — with reasons and the year it
 * takes effect; each provincial authority of the pilot gives its opinion; the planning department
 * approves (a new contract version) or refuses.
 */
import { z } from 'zod';
import { abilitiesOf, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { AMENDMENT_ACTIONS, AMENDMENT_STATUSES } from '../../shared/permissions/amendment-scope.js';
import { targetSchema } from '../../shared/plan/plan-schema.js';

export const AMENDMENT_KINDS = ['add_member', 'revise_targets'] as const;

export const pilotParams = z.object({ id: z.uuid().describe('The pilot') });
export const amendmentParams = z.object({ id: z.uuid().describe('The amendment') });

const common = {
  reasons: z.string().trim().min(1).max(5000).describe('调整理由 Why the contract should change'),
  effectiveFromYear: z.number().int().describe('The pilot year from which the new contract applies'),
};

export const proposeBody = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('add_member'),
      cityCode: z.string().regex(/^\d{6}$/).describe('GB/T 2260 code of the city joining'),
      name: z.string().trim().min(1).max(100).describe('The pilot\'s name with the new member, e.g. 长株潭衡'),
      ...common,
    }),
    z.object({
      kind: z.literal('revise_targets'),
      targets: z.array(targetSchema).min(1).max(300).describe('The whole revised target list, in the plan\'s target format'),
      ...common,
    }),
  ])
  .describe('An amendment proposal');

export const opinionBody = z.object({
  version: z.number().int().min(1),
  supports: z.boolean().describe('同意 (true) or 不同意 (false)'),
  opinion: z.string().trim().min(1).max(5000),
});

export const decisionBody = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'refuse']),
  comment: z.string().trim().max(5000).default(''),
});

export const withdrawBody = z.object({ version: z.number().int().min(1) });

export const amendmentOpinionSchema = z.object({
  authorityId: z.string(),
  authorityName: z.string(),
  supports: z.boolean(),
  opinion: z.string(),
  by: z.string().nullable(),
  at: isoDateTime,
});

export const amendmentSchema = z
  .object({
    id: z.uuid(),
    pilotId: z.uuid(),
    kind: z.enum(AMENDMENT_KINDS),
    cityCode: z.string().nullable().describe('add_member: the city joining'),
    cityName: z.string().nullable(),
    name: z.string().nullable().describe('add_member: the pilot\'s new name'),
    targets: z.array(targetSchema).nullable().describe('revise_targets: the revised targets'),
    reasons: z.string(),
    effectiveFromYear: z.number().int(),
    status: z.enum(AMENDMENT_STATUSES),
    opinions: z.array(amendmentOpinionSchema),
    pendingAuthorities: z.array(z.object({ id: z.string(), name: z.string() })).describe('Authorities whose opinion is still owed'),
    decisionComment: z.string().nullable(),
    decidedAt: isoDateTime.nullable(),
    contractVersion: z.number().int().nullable().describe('The contract version an approval created'),
    proposedBy: z.string().nullable(),
    createdAt: isoDateTime,
    version: z.number().int(),
    abilities: abilitiesOf(AMENDMENT_ACTIONS),
  })
  .describe('An amendment 调整优化 of a pilot\'s contract');

export const amendmentListSchema = listOf(amendmentSchema);

export type Amendment = z.infer<typeof amendmentSchema>;
export type AmendmentList = z.infer<typeof amendmentListSchema>;
export type ProposeBody = z.infer<typeof proposeBody>;
export type OpinionBody = z.infer<typeof opinionBody>;
export type DecisionBody = z.input<typeof decisionBody>;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
