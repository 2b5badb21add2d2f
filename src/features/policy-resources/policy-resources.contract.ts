/**
 * The policy resources API as it crosses the wire: the configured programme list (工业转型升级,
 * 技术改造, …), the funds and projects recorded for a pilot under them, the totals per pilot,
 * province and programme, and the Excel export. The web takes its types from here (type-only).
 */
import { z } from 'zod';
import { abilitiesOf, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { RESOURCE_ACTIONS, RESOURCE_LIST_ACTIONS } from '../../shared/permissions/resource-scope.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const programmeSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/)
      .describe('Stable key (lower case, digits, underscore), kept on the records'),
    zh: z.string().trim().min(1).max(40).describe('Chinese name, e.g. 工业转型升级'),
    en: z.string().trim().min(1).max(80),
  })
  .describe('A funding programme that favours pilot cities');

export const programmeSettingsSchema = z
  .object({
    version: z.number().int().min(0).describe('Compare-and-set version of the list (0 while the defaults apply)'),
    programmes: z.array(programmeSchema).min(1).max(50),
  })
  .describe('The configured programme list (setting resource_programmes)');

export const pilotParams = z.object({ id: z.uuid() });
export const resourceParams = z.object({ resourceId: z.uuid() });

export const resourceBody = z
  .object({
    programme: z.string().min(1).max(40).describe('A programme key from the configured list'),
    amount: z.number().finite().positive().max(100_000_000).describe('万元'),
    year: z.number().int().min(2000).max(2100).describe('A year within the pilot period'),
    department: z.string().trim().min(1).max(100).describe('The ministry department giving it'),
    project: z.string().trim().min(1).max(200),
    targetIds: z.array(z.string().min(1).max(64)).max(50).default([]).describe("Ids of the pilot's targets it is meant to move"),
    note: z.string().max(2000).default(''),
  })
  .describe('A fund or project given to a pilot');

export const resourceSchema = z
  .object({
    id: z.uuid(),
    pilotId: z.uuid(),
    pilotName: z.string(),
    programme: z.string(),
    programmeLabel: bilingual.describe('The programme name, or the key when it has left the list'),
    amount: z.number().describe('万元'),
    year: z.number().int(),
    department: z.string(),
    project: z.string(),
    targetIds: z.array(z.string()),
    targets: z.array(z.object({ id: z.string(), indicator: z.string() })).describe('The indicators named by targetIds'),
    note: z.string(),
    createdAt: isoDateTime,
    isDemo: z.boolean(),
    abilities: abilitiesOf(RESOURCE_ACTIONS),
  })
  .describe('A recorded fund or project');

const sumSchema = z.object({ amount: z.number().describe('万元'), count: z.number().int() });

export const pilotResourcesSchema = z
  .object({
    pilotId: z.uuid(),
    periodStartYear: z.number().int(),
    periodEndYear: z.number().int(),
    items: z.array(resourceSchema),
    total: sumSchema,
    abilities: abilitiesOf(RESOURCE_LIST_ACTIONS),
  })
  .describe("A pilot's policy resources");

export const resourceListQuery = z.object({
  pilotId: z.uuid().optional(),
  programme: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const resourceListSchema = listOf(resourceSchema).extend({ total: sumSchema, canRecord: z.boolean() });

export const TOTALS_BY = ['pilot', 'province', 'programme'] as const;
export const totalsQuery = z.object({ by: z.enum(TOTALS_BY), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const totalsSchema = z
  .object({
    by: z.enum(TOTALS_BY),
    rows: z.array(z.object({ key: z.string(), label: bilingual, amount: z.number(), count: z.number().int() })),
    total: sumSchema.describe('Every record in scope once (a cluster across provinces counts under each province in the rows)'),
  })
  .describe('Totals of the records in scope');

export const noContent = z.null().describe('No content');

export const exportQuery = z.object({ pilotId: z.uuid().optional() });

export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;
export type ResourceBody = z.infer<typeof resourceBody>;
export type ResourceInput = z.input<typeof resourceBody>;
export type PolicyResource = z.infer<typeof resourceSchema>;
export type PilotResources = z.infer<typeof pilotResourcesSchema>;
export type ResourceList = z.infer<typeof resourceListSchema>;
export type ResourceTotals = z.infer<typeof totalsSchema>;
export type TotalsBy = (typeof TOTALS_BY)[number];
