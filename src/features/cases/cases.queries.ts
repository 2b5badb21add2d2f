/**
 * The case library's tables: the one place that reads and writes cases and their history, runs the
 * searches, and reads the nominations of typical experience (kept by the pilots feature "for the
 * case library") that drafts are made from.
 */
import { and, asc, desc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
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
  /**
   * One character: a word of the case begins with it — a prefix query on the words' tsvector, which
   * its GIN index serves (partial match over the lexemes that begin with the character); ranked by ts_rank.
   */
  | { kind: 'prefix'; char: string; phrase: string }
  /** pg_trgm word similarity of `text` with the case's words, at least `threshold` (the fuzzy fallback). */
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

/**
 * The fuzzy fallback's bounds. `<%` keeps a candidate only after computing its word similarity over
 * all of the case's words (about 430 characters: a third of a millisecond each, and as much again to
 * rank it), and a query sharing trigrams with common words (工业互连网 against 工业互联网, in half the
 * cases) matches thousands of them: so the matches are taken in the order the scan yields them, at
 * most FUZZY_CANDIDATES, and ranked among themselves; the total counts them (at most FUZZY_CANDIDATES).
 * The statement timeout (PostgreSQL; PGlite ignores it) is the backstop for a plan that reads far
 * more rows than it keeps: past it the fallback answers "nothing similar" instead of failing.
 */
export const FUZZY_CANDIDATES = 100;
export const FUZZY_STATEMENT_TIMEOUT_MS = 500;

/** PostgreSQL's query_canceled (57014): the statement timeout fired (Drizzle may wrap it in a cause). */
function isStatementTimeout(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '57014') return true;
  }
  return false;
}

/**
 * Runs the fuzzy search in its own transaction (a savepoint when `db` is one already), with pg_trgm's
 * word-similarity threshold set to `threshold` for it only, so that the `<%` operator — which the
 * trigram GIN index serves — keeps exactly the rows at or above it (`word_similarity(…) >= t` as a
 * function call is never served by an index), and with the statement timeout set: a timeout rolls
 * the transaction back and the fallback finds nothing. (Inside a caller's transaction both settings,
 * once the savepoint is released, last until that transaction ends; the routes call it outside one.)
 */
async function fuzzySearch(db: Tx, args: SearchArgs & { matcher: { kind: 'trigram' } }): Promise<SearchResultRows> {
  const pool = db as Tx & Pick<Db, 'transaction'>;
  try {
    return await pool.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('pg_trgm.word_similarity_threshold', ${String(args.matcher.threshold)}, true), set_config('statement_timeout', ${`${FUZZY_STATEMENT_TIMEOUT_MS}ms`}, true)`,
      );
      return runSearch(tx, args);
    });
  } catch (err) {
    if (isStatementTimeout(err)) return { rows: [], total: 0 };
    throw err;
  }
}

type SearchResultRows = { rows: SearchRow[]; total: number };

export async function searchCases(db: Tx, args: SearchArgs): Promise<SearchResultRows> {
  if (args.matcher.kind === 'trigram') return fuzzySearch(db, args as SearchArgs & { matcher: { kind: 'trigram' } });
  return runSearch(db, args);
}

/**
 * One statement: the page of matches, ranked, each row carrying the number of all matches (a window
 * count, before the page's LIMIT). A page past the last match has no row to carry it; only then is
 * the matches counted on their own.
 */
async function runSearch(db: Tx, args: SearchArgs): Promise<SearchResultRows> {
  const m = args.matcher;
  // A quoted lexeme with the prefix flag: '智':* (a quote inside is doubled, as tsquery wants).
  const tsq =
    m.kind === 'words' ? sql`plainto_tsquery('simple', ${m.words})` : m.kind === 'prefix' ? sql`to_tsquery('simple', ${`'${m.char.replace(/'/g, "''")}':*`})` : null;
  const filter = and(scopeCondition(args.scope), ...tagConditions(args.filters));
  // The trigram match: the candidates, at most FUZZY_CANDIDATES, that `<%` finds through the GIN index
  // (cases_search_words_trgm_idx) at the threshold the transaction set — or, when they are many, by
  // reading the table until the cap is reached.
  const candidates =
    m.kind === 'trigram'
      ? db.select({ id: cases.id }).from(cases).where(and(filter, sql`${m.text} <% ${cases.searchWords}`)).limit(FUZZY_CANDIDATES).as('candidates')
      : null;
  const where = m.kind === 'words' || m.kind === 'prefix' ? and(filter, sql`${cases.searchVector} @@ ${tsq}`) : m.kind === 'all' ? filter : undefined;
  const rank: SQL<number> =
    m.kind === 'words' || m.kind === 'prefix' ? sql<number>`ts_rank(${cases.searchVector}, ${tsq})` : m.kind === 'trigram' ? sql<number>`word_similarity(${m.text}, ${cases.searchWords})` : sql<number>`0`;
  const phrase: SQL<boolean> = m.kind === 'all' ? sql<boolean>`false` : sql<boolean>`strpos(${cases.searchPlain}, ${m.phrase}) > 0`;

  const base = db
    .select({
      ...withNames(),
      rank: rank.mapWith(Number).as('rank'),
      phraseMatch: phrase.mapWith(Boolean).as('phrase_match'),
      total: sql<number>`count(*) over ()`.mapWith(Number).as('total'),
    })
    .from(cases)
    .leftJoin(pilots, eq(pilots.id, cases.pilotId))
    .innerJoin(organisations, eq(organisations.id, cases.authorOrganisationId));
  const rows = await (candidates ? base.innerJoin(candidates, eq(candidates.id, cases.id)) : base)
    .where(where)
    .orderBy(desc(sql`phrase_match`), desc(sql`rank`), sql`coalesce(${cases.publishedAt}, ${cases.updatedAt}) desc`, asc(cases.id))
    .limit(args.limit)
    .offset(args.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && args.offset > 0) {
    const [c] = candidates
      ? await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(candidates)
      : await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cases).where(where);
    total = c?.n ?? 0;
  }
  return {
    rows: rows.map((r) => ({ ...r.c, pilotName: r.pilotName, authorName: r.authorName, rank: r.rank, phraseMatch: r.phraseMatch })),
    total,
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

/** The published cases of a pilot, latest first (the public portal's city page). */
export async function publishedOfPilot(db: Tx, pilotId: string): Promise<CaseRecord[]> {
  const rows = await db
    .select(withNames())
    .from(cases)
    .leftJoin(pilots, eq(pilots.id, cases.pilotId))
    .innerJoin(organisations, eq(organisations.id, cases.authorOrganisationId))
    .where(and(eq(cases.pilotId, pilotId), eq(cases.status, 'published')))
    .orderBy(desc(cases.publishedAt), asc(cases.id));
  return rows.map((r) => ({ ...r.c, pilotName: r.pilotName, authorName: r.authorName }));
}
