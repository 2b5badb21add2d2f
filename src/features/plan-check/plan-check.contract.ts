/**
 * The plan checker's API as it crosses the wire: a plan's findings, and a target's wording read
 * into proposed fields. The findings are also what the applications API answers on save.
 * The routes validate and serialise with these schemas; the web takes its types from them.
 */
import { z } from 'zod';
import { FINDING_CODES, type Finding, type FindingCode } from '../../shared/plan/checker.js';
import type { ParsedTarget } from '../../shared/plan/parse-target.js';
import { planSchema, QUALIFIERS, TARGET_KINDS } from '../../shared/plan/plan-schema.js';

const findingCodes = Object.keys(FINDING_CODES) as [FindingCode, ...FindingCode[]];

export const findingSchema = z
  .object({
    code: z.enum(findingCodes),
    severity: z.enum(['blocking', 'warning']),
    path: z.string().describe("Where it points in the plan's JSON, e.g. targets[3].values[1]"),
    targetId: z.string().optional(),
    sectionKey: z.string().optional(),
    message: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  })
  .describe('One finding of the plan checker');

export const checkPlanBody = z.object({ plan: planSchema });

export const checkPlanResultSchema = z
  .object({ blocking: z.boolean().describe('At least one finding blocks submission'), findings: z.array(findingSchema) })
  .describe("The checker's findings");

export const parseTargetBody = z.object({ wording: z.string().min(1).max(500), applicationYear: z.number().int().optional() });

const direction = z.enum(['higher', 'lower']).nullable();

export const targetReadingSchema = z.object({
  kind: z.enum(TARGET_KINDS).nullable(),
  direction,
  directionFromVerb: z.boolean(),
  qualifier: z.enum(QUALIFIERS),
  value: z.number(),
  unit: z.string().nullable(),
  text: z.string().describe('The figure as written, e.g. 16%, 六成, 1200亿元'),
});

export const parsedTargetSchema = z
  .object({
    kind: z.enum(TARGET_KINDS).nullable(),
    direction,
    qualifier: z.enum(QUALIFIERS),
    value: z.number().nullable(),
    unit: z.string().nullable(),
    targetYear: z.number().int().nullable(),
    baseYear: z.number().int().nullable(),
    baselineValue: z.number().nullable(),
    yearValues: z.array(z.number()).nullable(),
    indicator: z.string().nullable(),
    cumulative: z.boolean(),
    strive: z.boolean(),
    vague: z.string().nullable(),
    readings: z.array(targetReadingSchema),
    normalised: z.string(),
  })
  .describe("The target's wording read into proposed fields");

export type CheckFinding = z.infer<typeof findingSchema>;
export type CheckPlanBody = z.input<typeof checkPlanBody>;
export type CheckPlanResult = z.infer<typeof checkPlanResultSchema>;
export type ParseTargetBody = z.input<typeof parseTargetBody>;
export type ParsedTargetWire = z.infer<typeof parsedTargetSchema>;

// The wire types must keep the shape of the shared rules' own types (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _FindingMatches = Assert<Same<CheckFinding, Finding>>;
type _ParsedTargetMatches = Assert<Same<ParsedTargetWire, ParsedTarget>>;
