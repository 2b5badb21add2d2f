/**
 * The expert pool API (专家库) as it crosses the wire: the list with its filters, one record, the
 * record a client sends, availability, the Excel import and its refusal by row, and the Excel
 * downloads. The routes validate and serialise with these schemas; the web takes its types from
 * them (type-only imports).
 */
import { z } from 'zod';
import { abilitiesOf, isoDateTime } from '../../shared/contract/wire.js';
import { EXPERT_ACTIONS } from '../../shared/permissions/expert-scope.js';
import { expertInputSchema } from './expert-input.js';

export { expertInputSchema };

export const expertParams = z.object({ id: z.uuid() });

/** The list filters, shared by the list and the Excel export. */
export const expertFilterQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Part of the name, organisation or title'),
  field: z.string().trim().max(50).optional().describe('One field of expertise, exactly as stored'),
  provinceCode: z
    .string()
    .regex(/^\d{2}0000$/)
    .optional(),
  available: z.enum(['true', 'false']).optional(),
});

export const expertListQuery = expertFilterQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const availabilityBody = z.object({ available: z.boolean() });

/** An edit of a record: the whole record and the version it was made on. */
export const expertUpdateSchema = expertInputSchema.extend({
  version: z.number().int().min(1).describe('The version you edited (compare-and-set)'),
});

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const expertSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisation: z.string(),
    organisationType: z.string().describe('One of ORGANISATION_TYPES (expert-labels.ts)'),
    organisationTypeLabel: bilingual.nullable(),
    title: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    cityCode: z.string().nullable(),
    cityName: z.string().nullable(),
    fields: z.array(z.string()),
    relations: z
      .array(
        z.object({
          cityCode: z.string(),
          cityName: z.string(),
          kind: z.string().describe('One of RELATION_KINDS (conflict-of-interest rules)'),
          kindLabel: bilingual.nullable(),
          note: z.string(),
        }),
      )
      .describe('Declared relations with cities, read by the conflict-of-interest rules'),
    available: z.boolean(),
    version: z.number().int().describe('Compare-and-set version of the record'),
    loadCap: z.number().int(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    userId: z.uuid().nullable().describe('The expert account linked to the record, if any'),
    isDemo: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    abilities: abilitiesOf(EXPERT_ACTIONS),
  })
  .describe('An expert of the pool');

export const expertListSchema = z.object({
  items: z.array(expertSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const expertFieldsSchema = z.object({
  inUse: z.array(z.string()).describe('Fields of expertise of the experts in the pool, sorted'),
  suggested: z.array(z.string()).describe("The programme's industries, suggested in the form"),
});

export const importResultSchema = z.object({ created: z.number().int() });

/** One problem of a refused import, by Excel row and column header. */
export const importRowErrorSchema = z.object({
  row: z.number().int().describe('Excel row number (the header is row 1)'),
  column: z.string().describe("The column's Chinese header, or '' for a problem of the whole file"),
  message: bilingual,
});

/** `error.details` of a 422 VALIDATION_FAILED answer to an import: every problem, nothing saved. */
export const importRefusalDetailsSchema = z.object({ rows: z.array(importRowErrorSchema) });

export type Expert = z.infer<typeof expertSchema>;
export type ExpertList = z.infer<typeof expertListSchema>;
export type ExpertAbility = Expert['abilities'][number];
export type ExpertFields = z.infer<typeof expertFieldsSchema>;
/** What a client sends to create or replace a record (defaults apply to what it leaves out). */
export type ExpertBody = z.input<typeof expertInputSchema>;
export type ExpertUpdateBody = z.input<typeof expertUpdateSchema>;
export type ExpertFilters = z.input<typeof expertFilterQuery>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
export type ImportRefusalDetails = z.infer<typeof importRefusalDetailsSchema>;
