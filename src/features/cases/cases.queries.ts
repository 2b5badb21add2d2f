/**
 * The case library's tables: the one place that reads and writes cases and their history, runs the
 * searches, and reads the nominations of typical experience (kept by the pilots feature "for the
 * case library") that drafts are made from.
 */
import { and, asc, desc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { caseEvents, cases, experienceNominations, organisations, pilots, users } from '../../db/schema.js';
import type { CaseTagKind } from '../../shared/cases/case-tags.js';
import type { SearchColumns } from './segment.js';

export type CaseRow = typeof cases.$inferSelect;
const { searchVector: _v, searchWords: _w, searchPlain: _p, ...caseCols } = getTableColumns(cases);
export type CaseRecord = Omit<CaseRow, 'searchVector' | 'searchWords' | 'searchPlain'> & { pilotName: string | null; authorName: string };

/** The weighted document: title A, summary B, body C, under the `simple` configuration. */
function vectorOf(s: SearchColumns): SQL {
  return sql`setweight(to_tsvector('simple', ${s.title}), 'A') || setweight(to_tsvector('simple', ${s.summary}), 'B') || setweight(to_tsvector('simple', ${s.body}), 'C')`;
}

type CaseInsert = Omit<typeof cases.$inferInsert, 'searchVector' | 'searchWords' | 'searchPlain'>;
export type CasePatch = Partial<
  Pick<CaseRow, 'title' | 'summary' | 'body' | 'cityTypes' | 'regions' | 'industries' | 'themes' | 'evidence' | 'status' | 'reviewComment' | 'submittedAt' | 'publishedAt' | 'updatedAt'>
>;

export async function insertCase(db: Tx, row: CaseInsert, search: SearchColumns): Promise<string> {
  const [c] = await db
    .insert(cases)
    .values({ ...row, searchVector: vectorOf(search) as unknown as string, searchWords: search.words, searchPlain: search.plain })
    .returning({ id: cases.id });
  return c!.id;
}

const withNames = () => ({ c: caseCols, pilotName: pilots.name, authorName: organisations.name });

export async function getCase(db: Tx, id: string): Promise<CaseRecord | null> {
  const rows = await db
    .select(withNames())
    .from(cases)
    .leftJoin(pilots, eq(pilots.id, cases.pilotId))
    .innerJoin(organisations, eq(organisations.id, cases.authorOrganisationId))
    .where(eq(cases.id, id))
    .limit(1);
  return rows[0] ? { ...rows[0].c, pilotName: rows[0].pilotName, authorName: rows[0].authorName } : null;
}

export async function getCases(db: Tx, ids: readonly string[]): Promise<CaseRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(withNames())
    .from(cases)
    .leftJoin(pilots, eq(pilots.id, cases.pilotId))
    .innerJoin(organisations, eq(organisations.id, cases.authorOrganisationId))
    .where(inArray(cases.id, [...ids]));
  return rows.map((r) => ({ ...r.c, pilotName: r.pilotName, authorName: r.authorName }));
}

/**
 * Compare-and-set on the case's version (and, when given, its status): the new version, or null when
 * the case changed meanwhile. A patch of the text rewrites the search columns with it.
 */
export async function casUpdateCase(
  db: Tx,
  id: string,
  expected: { version: number; status?: string },
  patch: CasePatch,
  search?: SearchColumns,
): Promise<number | null> {
  const rows = await db
    .update(cases)
    .set({
      ...patch,
      ...(search ? { searchVector: vectorOf(search) as unknown as string, searchWords: search.words, searchPlain: search.plain } : {}),
      version: expected.version + 1,
    })
    .where(and(eq(cases.id, id), eq(cases.version, expected.version), expected.status ? eq(cases.status, expected.status) : undefined))
    .returning({ version: cases.version });
  return rows[0]?.version ?? null;
}

export async function insertCaseEvent(db: Tx, row: typeof caseEvents.$inferInsert): Promise<void> {
  await db.insert(caseEvents).values(row);
}

export async function listCaseEvents(db: Tx, caseId: string) {
  return db
    .select({ e: caseEvents, by: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.version));
}

// ---------------------------------------------------------------------------------------------
// Search

/** Which rows a list may show: one of the scopes, already decided for the actor by the service. */
export type ListScope =
  | { kind: 'published' }
  | { kind: 'city_author'; divisionCode: string }
  | { kind: 'ministry_author' }
  | { kind: 'editorial_queue' };

function scopeCondition(scope: ListScope): SQL {
  switch (scope.kind) {
    case 'published':
      return sql`${cases.status} = 'published'`;
    case 'city_author':
      return sql`${cases.authorKind} = 'city' and ${cases.cityCodes} @> ${JSON.stringify([scope.divisionCode])}::jsonb`;
    case 'ministry_author':
      return sql`${cases.authorKind} = 'ministry'`;
    case 'editorial_queue':
      return sql`${cases.status} in ('submitted', 'under_review')`;
  }
}

const TAG_COLUMNS = { cityTypes: cases.cityTypes, regions: cases.regions, industries: cases.industries, themes: cases.themes } as const;

/** Any of the codes within a kind, every kind given. */
function tagConditions(filters: Partial<Record<CaseTagKind, readonly string[]>>): SQL[] {
  const out: SQL[] = [];
  for (const [kind, codes] of Object.entries(filters) as [CaseTagKind, readonly string[]][]) {
    if (codes.length === 0) continue;
    out.push(or(...codes.map((code) => sql`${TAG_COLUMNS[kind]} @> ${JSON.stringify([code])}::jsonb`))!);
  }
  return out;
}

/** How the rows are matched and ranked. */
export type Matcher =
  | { kind: 'all' }
  /** Every word must be a word of the case; ranked by the exact phrase first, then ts_rank. */
  | { kind: 'words'; words: string; phrase: string }
  /** pg_trgm word similarity of `text` with the case's words, at least `threshold`. */
  | { kind: 'trigram'; text: string; threshold: number; phrase: string };

export interface SearchArgs {
  scope: ListScope;
  filters: Partial<Record<CaseTagKind, readonly string[]>>;
  matcher: Matcher;
  limit: number;
  offset: number;
}

export interface SearchRow extends CaseRecord {
  rank: number;
  phraseMatch: boolean;
}

export async function searchCases(db: Tx, args: SearchArgs): Promise<{ rows: SearchRow[]; total: number }> {
  const m = args.matcher;
  const tsq = m.kind === 'words' ? sql`plainto_tsquery('simple', ${m.words})` : null;
  const match: SQL | undefined =
    m.kind === 'words' ? sql`${cases.searchVector} @@ ${tsq}` : m.kind === 'trigram' ? sql`word_similarity(${m.text}, ${cases.searchWords}) >= ${m.threshold}` : undefined;
  const where = and(scopeCondition(args.scope), ...tagConditions(args.filters), match);
  const rank: SQL<number> =
    m.kind === 'words' ? sql<number>`ts_rank(${cases.searchVector}, ${tsq})` : m.kind === 'trigram' ? sql<number>`word_similarity(${m.text}, ${cases.searchWords})` : sql<number>`0`;
  const phrase: SQL<boolean> = m.kind === 'all' ? sql<boolean>`false` : sql<boolean>`strpos(${cases.searchPlain}, ${m.phrase}) > 0`;

  const [rows, count] = await Promise.all([
    db
      .select({ ...withNames(), rank: rank.mapWith(Number).as('rank'), phraseMatch: phrase.mapWith(Boolean).as('phrase_match') })
      .from(cases)
      .leftJoin(pilots, eq(pilots.id, cases.pilotId))
      .innerJoin(organisations, eq(organisations.id, cases.authorOrganisationId))
      .where(where)
      .orderBy(desc(sql`phrase_match`), desc(sql`rank`), sql`coalesce(${cases.publishedAt}, ${cases.updatedAt}) desc`, asc(cases.id))
      .limit(args.limit)
      .offset(args.offset),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cases).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.c, pilotName: r.pilotName, authorName: r.authorName, rank: r.rank, phraseMatch: r.phraseMatch })),
    total: count[0]?.n ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Nominations of typical experience (the pilots feature's table, read here)

export type NominationRow = typeof experienceNominations.$inferSelect;

export async function getNomination(db: Tx, id: string): Promise<NominationRow | null> {
  const rows = await db.select().from(experienceNominations).where(eq(experienceNominations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function nominationsOf(db: Tx, pilotIds: readonly string[]) {
  if (pilotIds.length === 0) return [];
  return db
    .select({ n: experienceNominations, caseId: cases.id })
    .from(experienceNominations)
    .leftJoin(cases, eq(cases.nominationId, experienceNominations.id))
    .where(inArray(experienceNominations.pilotId, [...pilotIds]))
    .orderBy(desc(experienceNominations.createdAt));
}

export async function caseOfNomination(db: Tx, nominationId: string): Promise<string | null> {
  const rows = await db.select({ id: cases.id }).from(cases).where(eq(cases.nominationId, nominationId)).limit(1);
  return rows[0]?.id ?? null;
}

/** Demo cases present already (the seed adds them once). */
export async function demoCaseCount(db: Tx): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cases).where(eq(cases.isDemo, true));
  return r?.n ?? 0;
}
