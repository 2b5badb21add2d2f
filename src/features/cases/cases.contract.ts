/**
 * The typical-case library 典型案例 as it crosses the wire: search (Chinese words, tags), a case with
 * its evidence and history, the author's editor, the editorial transitions, drafts from nominated
 * typical experience, and the case book (Word, PDF).
 */
import { z } from 'zod';
import { CASE_STATES } from '../../shared/cases/case-lifecycle.js';
import { CASE_INDUSTRIES, CASE_THEMES, CITY_TYPES, REGIONS } from '../../shared/cases/case-tags.js';
import { MAX_QUERY_LENGTH } from '../../shared/cases/search-query.js';
import { abilitiesOf, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { CASE_ACTIONS } from '../../shared/permissions/case-scope.js';

export const caseParams = z.object({ id: z.uuid().describe('The case') });
export const pilotParams = z.object({ id: z.uuid().describe('The pilot') });
export const nominationParams = z.object({ nominationId: z.uuid().describe('The nomination of typical experience') });

const tagList = z
  .string()
  .max(400)
  .regex(/^[a-z_]+(,[a-z_]+)*$/)
  .optional();

export const CASE_SCOPES = ['library', 'mine', 'review'] as const;

export const searchQuery = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional().describe('Words to find, in Chinese or English; one character is matched by trigram'),
  scope: z
    .enum(CASE_SCOPES)
    .default('library')
    .describe('library: published cases; mine: the cases you author, in every state; review: the editorial queue (submitted, under review)'),
  cityTypes: tagList.describe('City types, comma-separated (any of them)'),
  regions: tagList.describe('Regions, comma-separated (any of them)'),
  industries: tagList.describe('Industries, comma-separated (any of them)'),
  themes: tagList.describe('Themes, comma-separated (any of them)'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const bookQuery = z.object({
  ids: z
    .string()
    // Each a uuid (36 hyphens would reach the database as an id and fail there: a 500).
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}){0,49}$/i)
    .describe('The cases, comma-separated, in the order of the book (1 to 50)'),
});

const tagsShape = {
  cityTypes: z.array(z.enum(CITY_TYPES)).max(CITY_TYPES.length),
  regions: z.array(z.enum(REGIONS)).max(REGIONS.length),
  industries: z.array(z.enum(CASE_INDUSTRIES)).max(CASE_INDUSTRIES.length),
  themes: z.array(z.enum(CASE_THEMES)).max(CASE_THEMES.length),
};

export const evidenceRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('target'), targetId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('report_value'), reportValueId: z.uuid() }),
]);

const contentShape = {
  title: z.string().trim().min(1).max(200).describe('标题'),
  summary: z.string().max(2000).default('').describe('摘要'),
  body: z.string().max(50_000).default('').describe('正文'),
  cityTypes: tagsShape.cityTypes.default([]),
  regions: tagsShape.regions.default([]),
  industries: tagsShape.industries.default([]),
  themes: tagsShape.themes.default([]),
  evidence: z.array(evidenceRef).max(50).default([]).describe('The pilot\'s targets and confirmed report values the case cites'),
};

export const createCaseBody = z.object({
  pilotId: z.uuid().nullable().default(null).describe('The pilot the case is about (required for a city\'s case)'),
  ...contentShape,
});

export const updateCaseBody = z.object({ version: z.number().int().min(1).describe('The version you edited'), ...contentShape });

export const transitionBody = z.object({
  version: z.number().int().min(1),
  comment: z.string().trim().max(2000).default('').describe('The reason (required to return or unpublish)'),
});

export const segmentSchema = z.object({ text: z.string(), hit: z.boolean() }).describe('A piece of text; hit marks a match (render as text, never HTML)');
export const snippetSchema = z.object({ segments: z.array(segmentSchema), before: z.boolean(), after: z.boolean() });

const evidenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('target'),
    targetId: z.string(),
    indicator: z.string(),
    unit: z.string(),
    wording: z.string(),
    targetYears: z.array(z.number().int()),
    values: z.array(z.number().nullable()),
  }),
  z.object({
    kind: z.literal('report_value'),
    reportValueId: z.string(),
    reportId: z.string(),
    period: z.string(),
    targetId: z.string(),
    indicator: z.string(),
    unit: z.string(),
    actual: z.number().nullable(),
    dataSource: z.string(),
  }),
]);

const caseCommon = {
  id: z.uuid(),
  title: z.string(),
  status: z.enum(CASE_STATES),
  pilotId: z.uuid().nullable(),
  pilotName: z.string().nullable(),
  authorKind: z.enum(['city', 'ministry']),
  authorName: z.string(),
  ...tagsShape,
  publishedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  version: z.number().int(),
  isDemo: z.boolean(),
  abilities: abilitiesOf(CASE_ACTIONS),
};

export const caseHitSchema = z
  .object({
    ...caseCommon,
    summary: z.string(),
    titleSegments: z.array(segmentSchema).describe('The title with its matches marked'),
    snippet: snippetSchema.describe('A window of the summary or body around the first match'),
    phraseMatch: z.boolean().describe('The whole query occurs verbatim (these rank first)'),
  })
  .describe('A case in a result list');

export const SEARCH_MODES = ['all', 'words', 'short', 'fuzzy'] as const;

export const searchResultSchema = z.object({
  items: z.array(caseHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  mode: z.enum(SEARCH_MODES).describe('all: no query; words: by words; short: one character by trigram; fuzzy: no case had every word, ranked by trigram similarity'),
  terms: z.array(z.string()).describe('The words the query was cut into'),
});

export const caseEventSchema = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  comment: z.string().nullable(),
  by: z.string().nullable(),
  at: isoDateTime,
});

export const caseDetailSchema = z
  .object({
    ...caseCommon,
    summary: z.string(),
    body: z.string(),
    evidence: z.array(evidenceSchema),
    nominationId: z.uuid().nullable(),
    reviewComment: z.string().nullable(),
    submittedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    history: z.array(caseEventSchema),
  })
  .describe('A typical case 典型案例');

export const evidenceOptionsSchema = z.object({
  pilotId: z.uuid(),
  pilotName: z.string(),
  regions: z.array(z.enum(REGIONS)).describe('The regions of the pilot\'s cities (the editor\'s default)'),
  targets: z.array(evidenceSchema),
  reportValues: z.array(evidenceSchema).describe('Values of confirmed reports only'),
});

export const writablePilotSchema = z.object({ id: z.uuid(), name: z.string() });
export const writablePilotsSchema = listOf(writablePilotSchema);

export const nominationItemSchema = z.object({
  id: z.uuid(),
  pilotId: z.uuid(),
  pilotName: z.string(),
  title: z.string(),
  summary: z.string(),
  createdAt: isoDateTime,
  caseId: z.uuid().nullable().describe('The case draft made from it, if any'),
  canCreateCase: z.boolean(),
});
export const nominationListSchema = listOf(nominationItemSchema);

export type SearchQuery = z.input<typeof searchQuery>;
export type CaseHit = z.infer<typeof caseHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseEventView = z.infer<typeof caseEventSchema>;
export type CreateCaseInput = z.input<typeof createCaseBody>;
export type UpdateCaseInput = z.input<typeof updateCaseBody>;
export type TransitionInput = z.input<typeof transitionBody>;
export type EvidenceOptions = z.infer<typeof evidenceOptionsSchema>;
export type WritablePilots = z.infer<typeof writablePilotsSchema>;
export type NominationList = z.infer<typeof nominationListSchema>;
export type NominationItem = z.infer<typeof nominationItemSchema>;
export type CaseScopeName = (typeof CASE_SCOPES)[number];
export type SearchMode = (typeof SEARCH_MODES)[number];
