/**
 * The typical-case library 典型案例: cases written by a city of its pilot or by the ministry, tagged,
 * citing their pilot's indicator evidence, through the editorial lifecycle (one table,
 * src/shared/cases/case-lifecycle.ts), found by Chinese words.
 *
 * Decisions:
 * - Every write is one transaction: a compare-and-set on the case's version (and status, for a
 *   transition) and an event in the case's own history (who, when, from, to, reason).
 * - The search columns are written with the text, in the same statement: jieba's words of the
 *   title, summary and body as a weighted tsvector (`simple`), the words as a line for pg_trgm, and
 *   the normalised text for exact phrases (segment.ts).
 * - A city's nominated typical experience becomes a draft case by the city's action "create a case
 *   from the nomination", not at the moment of nominating: the nomination belongs to the pilot's
 *   summary, where the city may still edit or withdraw it, and not every nomination is meant for the
 *   library. The draft copies the nomination's words once and remembers it (one case per nomination).
 * - Evidence is checked against the pilot at every save (a target of its contract in force at the
 *   end of the period, a value of a report the province confirmed) and stored with its figures.
 * - Scope: src/shared/permissions/case-scope.ts. A case outside it answers 404.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { decideCaseTransition, type CaseState, type CaseTransition } from '../../shared/cases/case-lifecycle.js';
import type { CaseEvidence, EvidenceRef } from '../../shared/cases/case-evidence.js';
import { evidenceKey } from '../../shared/cases/case-evidence.js';
import { CASE_TAG_KINDS, unknownTags, type CaseTagKind } from '../../shared/cases/case-tags.js';
import { highlight, normalizeText, planSearch, snippet, type SearchPlan } from '../../shared/cases/search-query.js';
import { iso } from '../../shared/contract/wire.js';
import { caseAbilities, canSeeCase, canWriteCaseFor, caseSides, type CaseScope } from '../../shared/permissions/case-scope.js';
import { can } from '../../shared/permissions/policy.js';
import { regionOfCode, type Region } from '../../shared/reference/regions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { contractInForce, pilotsInScope, visiblePilot, type PilotRow } from '../pilots/public.js';
import { reportsOfPilots, valuesOf } from '../progress-reports/public.js';
import type {
  CaseDetail,
  CaseHit,
  CaseScopeName,
  EvidenceOptions,
  NominationList,
  SearchMode,
  SearchResult,
  WritablePilots,
  createCaseBody,
  searchQuery,
  updateCaseBody,
} from './cases.contract.js';
import * as q from './cases.queries.js';
import { displayWords, queryWords, searchColumns } from './segment.js';
import type { z } from 'zod';

type CreateBody = z.output<typeof createCaseBody>;
type UpdateBody = z.output<typeof updateCaseBody>;
type SearchParams = z.output<typeof searchQuery>;

/** The fuzzy fallback's threshold, when no case has every word of the query. */
const FUZZY_THRESHOLD = 0.4;

function scopeOf(c: q.CaseRecord): CaseScope {
  return { status: c.status as CaseState, authorKind: c.authorKind === 'ministry' ? 'ministry' : 'city', cityCodes: c.cityCodes, submittedAt: c.submittedAt };
}

async function visibleCase(db: Tx, actor: Actor, id: string): Promise<q.CaseRecord> {
  const c = await q.getCase(db, id);
  if (!c || !canSeeCase(actor, scopeOf(c))) throw new AppError('NOT_FOUND');
  return c;
}

function common(actor: Actor, c: q.CaseRecord) {
  return {
    id: c.id,
    title: c.title,
    status: c.status as CaseState,
    pilotId: c.pilotId,
    pilotName: c.pilotName,
    authorKind: c.authorKind === 'ministry' ? ('ministry' as const) : ('city' as const),
    authorName: c.authorName,
    cityTypes: c.cityTypes as CaseDetail['cityTypes'],
    regions: c.regions as CaseDetail['regions'],
    industries: c.industries as CaseDetail['industries'],
    themes: c.themes as CaseDetail['themes'],
    publishedAt: c.publishedAt ? iso(c.publishedAt) : null,
    updatedAt: iso(c.updatedAt),
    version: c.version,
    isDemo: c.isDemo,
    abilities: caseAbilities(actor, scopeOf(c)),
  };
}

/** The editorial history and the reviewer's comment are the authors' and the editors' business, not the readers'. */
async function present(db: Tx, actor: Actor, c: q.CaseRecord): Promise<CaseDetail> {
  const involved = caseSides(actor, scopeOf(c)).length > 0;
  const events = involved ? await q.listCaseEvents(db, c.id) : [];
  return {
    ...common(actor, c),
    summary: c.summary,
    body: c.body,
    evidence: c.evidence,
    nominationId: c.nominationId,
    reviewComment: involved ? c.reviewComment : null,
    submittedAt: c.submittedAt ? iso(c.submittedAt) : null,
    createdAt: iso(c.createdAt),
    history: events.map((r) => ({ action: r.e.action, fromState: r.e.fromState, toState: r.e.toState, comment: r.e.comment, by: r.by, at: iso(r.e.createdAt) })),
  };
}

export async function getCaseView(db: Tx, actor: Actor, id: string): Promise<CaseDetail> {
  return present(db, actor, await visibleCase(db, actor, id));
}

// ---------------------------------------------------------------------------------------------
// Search

/** The tag filters of a query ('a,b' → ['a', 'b']); a code outside the vocabulary is a 422. */
export function parseFilters(params: Partial<Record<CaseTagKind, string | undefined>>): Record<CaseTagKind, string[]> {
  const filters = Object.fromEntries(CASE_TAG_KINDS.map((k) => [k, params[k] ? [...new Set(params[k]!.split(','))] : []])) as Record<CaseTagKind, string[]>;
  const unknown = unknownTags(filters);
  if (Object.keys(unknown).length > 0) throw new AppError('CASE_TAG_UNKNOWN', unknown);
  return filters;
}

function listScope(actor: Actor, scope: CaseScopeName): q.ListScope {
  if (scope === 'library') return { kind: 'published' };
  if (scope === 'review') {
    if (!can(actor.role, 'case.review')) throw new AppError('FORBIDDEN');
    return { kind: 'editorial_queue' };
  }
  if (!can(actor.role, 'case.write')) throw new AppError('FORBIDDEN');
  return actor.role === 'city_applicant' ? { kind: 'city_author', divisionCode: actor.divisionCode } : { kind: 'ministry_author' };
}

/** The title with its matches marked, and a window of the summary (or the body, when only it matches) around the first match. */
export function highlightsOf(row: Pick<q.SearchRow, 'title' | 'summary' | 'body'>, plan: SearchPlan) {
  const source = row.summary.trim() !== '' ? row.summary : row.body;
  let segments = highlight(displayWords(source), plan);
  // When the summary has no match but the body does, show the body around its match.
  if (plan.kind !== 'all' && !segments.some((s) => s.hit) && row.body.trim() !== '') {
    const body = highlight(displayWords(row.body), plan);
    if (body.some((s) => s.hit)) segments = body;
  }
  return { titleSegments: highlight(displayWords(row.title), plan), snippet: snippet(segments) };
}

function hitOf(actor: Actor, row: q.SearchRow, plan: SearchPlan): CaseHit {
  return {
    ...common(actor, row),
    summary: row.summary,
    ...highlightsOf(row, plan),
    phraseMatch: row.phraseMatch,
  };
}

/**
 * The Chinese search over the cases of one list scope, with no actor: the query planned (all, words,
 * one character, or the fuzzy fallback when no case has every word), one page of rows, the mode and
 * the words. Who may search which scope is decided before (listScope); the public library calls it
 * with the published scope only (cases.public-library.ts).
 */
export async function searchInScope(db: Tx, scope: q.ListScope, params: { q?: string | undefined; page: number; pageSize: number } & Partial<Record<CaseTagKind, string | undefined>>) {
  const filters = parseFilters(params);
  const normalized = normalizeText(params.q ?? '');
  const plan = planSearch(normalized, queryWords(normalized));
  const page = { limit: params.pageSize, offset: (params.page - 1) * params.pageSize };
  let mode: SearchMode = plan.kind;
  let found: Awaited<ReturnType<typeof q.searchCases>>;
  if (plan.kind === 'all') {
    found = await q.searchCases(db, { scope, filters, matcher: { kind: 'all' }, ...page });
  } else if (plan.kind === 'short') {
    // One character: the cases with a word beginning with it, through the words' index (a prefix query).
    found = await q.searchCases(db, { scope, filters, matcher: { kind: 'prefix', char: plan.text, phrase: plan.text }, ...page });
  } else {
    found = await q.searchCases(db, { scope, filters, matcher: { kind: 'words', words: plan.terms.join(' '), phrase: plan.phrase }, ...page });
    if (found.total === 0) {
      mode = 'fuzzy';
      found = await q.searchCases(db, { scope, filters, matcher: { kind: 'trigram', text: plan.text, threshold: FUZZY_THRESHOLD, phrase: plan.phrase }, ...page });
    }
  }
  return { rows: found.rows, total: found.total, plan, mode, terms: plan.kind === 'all' ? [] : plan.terms };
}

export async function searchLibrary(db: Tx, actor: Actor, params: SearchParams): Promise<SearchResult> {
  const found = await searchInScope(db, listScope(actor, params.scope), params);
  return {
    items: found.rows.map((r) => hitOf(actor, r, found.plan)),
    total: found.total,
    page: params.page,
    pageSize: params.pageSize,
    mode: found.mode,
    terms: found.terms,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

function checkTags(body: { cityTypes: string[]; regions: string[]; industries: string[]; themes: string[] }) {
  const unknown = unknownTags(body);
  if (Object.keys(unknown).length > 0) throw new AppError('CASE_TAG_UNKNOWN', unknown);
}

function regionsOf(cityCodes: readonly string[]): Region[] {
  return [...new Set(cityCodes.map(regionOfCode).filter((r): r is Region => r !== null))];
}

/** The pilot's evidence that may be cited: its contract's targets and its confirmed reports' values. */
async function evidencePool(db: Tx, pilot: PilotRow): Promise<CaseEvidence[]> {
  const contract = await contractInForce(db, pilot.id, pilot.periodEndYear);
  const targets = contract?.targets ?? pilot.targets;
  const out: CaseEvidence[] = targets.map((t) => ({
    kind: 'target',
    targetId: t.id,
    indicator: t.indicator,
    unit: t.unit,
    wording: t.wording,
    targetYears: t.targetYears,
    values: t.values,
  }));
  const confirmed = (await reportsOfPilots(db, [pilot.id])).filter((r) => r.status === 'confirmed');
  for (const report of confirmed) {
    for (const v of await valuesOf(db, report.id)) {
      const target = targets.find((t) => t.id === v.targetId);
      out.push({
        kind: 'report_value',
        reportValueId: v.id,
        reportId: report.id,
        period: report.period,
        targetId: v.targetId,
        indicator: target?.indicator ?? v.targetId,
        unit: target?.unit ?? '',
        actual: v.actual,
        dataSource: v.dataSource,
      });
    }
  }
  return out;
}

async function resolveEvidence(db: Tx, pilot: PilotRow | null, refs: readonly EvidenceRef[]): Promise<CaseEvidence[]> {
  if (refs.length === 0) return [];
  if (!pilot) throw new AppError('CASE_EVIDENCE_INVALID', { reason: 'no_pilot' });
  const pool = new Map((await evidencePool(db, pilot)).map((e) => [evidenceKey(e), e]));
  const out: CaseEvidence[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const key = evidenceKey(ref);
    const e = pool.get(key);
    if (!e) throw new AppError('CASE_EVIDENCE_INVALID', { evidence: key });
    if (!seen.has(key)) out.push(e);
    seen.add(key);
  }
  return out;
}

async function pilotForWriting(db: Tx, actor: Actor, pilotId: string | null): Promise<PilotRow | null> {
  if (pilotId === null) {
    if (actor.role === 'city_applicant') throw new AppError('CASE_PILOT_REQUIRED');
    if (!canWriteCaseFor(actor, null)) throw new AppError('FORBIDDEN');
    return null;
  }
  const pilot = await visiblePilot(db, actor, pilotId);
  if (!canWriteCaseFor(actor, pilot)) throw new AppError('FORBIDDEN');
  return pilot;
}

export async function createCase(db: Db, actor: Actor, now: Date, body: CreateBody): Promise<CaseDetail> {
  return db.transaction(async (tx) => {
    checkTags(body);
    const pilot = await pilotForWriting(tx, actor, body.pilotId);
    const evidence = await resolveEvidence(tx, pilot, body.evidence);
    const content = { title: body.title, summary: body.summary, body: body.body };
    const id = await q.insertCase(
      tx,
      {
        pilotId: pilot?.id ?? null,
        authorKind: actor.role === 'city_applicant' ? 'city' : 'ministry',
        authorOrganisationId: actor.organisationId,
        cityCodes: pilot?.cityCodes ?? [],
        ...content,
        cityTypes: body.cityTypes,
        regions: body.regions,
        industries: body.industries,
        themes: body.themes,
        evidence,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
        // A case of a demo pilot is demo data (演示数据).
        isDemo: pilot?.isDemo ?? false,
      },
      searchColumns(content),
    );
    await q.insertCaseEvent(tx, { caseId: id, actorId: actor.id, action: 'create', version: 1, toState: 'draft', createdAt: now });
    return present(tx, actor, (await q.getCase(tx, id))!);
  });
}

export async function updateCase(db: Db, actor: Actor, now: Date, id: string, body: UpdateBody): Promise<CaseDetail> {
  return db.transaction(async (tx) => {
    const current = await visibleCase(tx, actor, id);
    if (!caseSides(actor, scopeOf(current)).includes('author')) throw new AppError('FORBIDDEN');
    if (body.version !== current.version) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    if (!caseAbilities(actor, scopeOf(current)).includes('edit')) throw new AppError('CASE_NOT_EDITABLE', { status: current.status });
    checkTags(body);
    const pilot = current.pilotId ? await visiblePilot(tx, actor, current.pilotId) : null;
    const evidence = await resolveEvidence(tx, pilot, body.evidence);
    const content = { title: body.title, summary: body.summary, body: body.body };
    const v = await q.casUpdateCase(
      tx,
      id,
      { version: current.version, status: current.status },
      { ...content, cityTypes: body.cityTypes, regions: body.regions, industries: body.industries, themes: body.themes, evidence, updatedAt: now },
      searchColumns(content),
    );
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    await q.insertCaseEvent(tx, { caseId: id, actorId: actor.id, action: 'edit', version: v, fromState: current.status, toState: current.status, createdAt: now });
    return present(tx, actor, (await q.getCase(tx, id))!);
  });
}

export async function transitionCase(db: Db, actor: Actor, now: Date, id: string, action: CaseTransition, body: { version: number; comment: string }): Promise<CaseDetail> {
  return db.transaction(async (tx) => {
    const current = await visibleCase(tx, actor, id);
    const scope = scopeOf(current);
    const decision = decideCaseTransition(action, { state: scope.status, sides: caseSides(actor, scope), comment: body.comment, content: current });
    if (!decision.ok) {
      if (decision.reason === 'not_allowed') throw new AppError('FORBIDDEN');
      if (body.version !== current.version) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      if (decision.reason === 'invalid_state') throw new AppError('CASE_INVALID_TRANSITION', { status: current.status, action });
      if (decision.reason === 'comment_required') throw new AppError('CASE_COMMENT_REQUIRED');
      throw new AppError('CASE_INCOMPLETE', { missing: decision.missing });
    }
    if (body.version !== current.version) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    const comment = body.comment.trim() === '' ? null : body.comment.trim();
    const patch: q.CasePatch = { status: decision.to, updatedAt: now };
    if (action === 'submit') patch.submittedAt = now;
    if (action === 'publish') {
      patch.publishedAt = now;
      patch.reviewComment = null;
    }
    if (action === 'return' || action === 'unpublish') patch.reviewComment = comment;
    const v = await q.casUpdateCase(tx, id, { version: current.version, status: current.status }, patch);
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    await q.insertCaseEvent(tx, { caseId: id, actorId: actor.id, action, version: v, fromState: current.status, toState: decision.to, comment, createdAt: now });
    return present(tx, actor, (await q.getCase(tx, id))!);
  });
}

// ---------------------------------------------------------------------------------------------
// Drafts from nominations, the editor's lists

/** The pilots the actor may write cases for: a city its own, the planning department every pilot. */
export async function writablePilots(db: Tx, actor: Actor): Promise<WritablePilots> {
  if (!can(actor.role, 'case.write')) throw new AppError('FORBIDDEN');
  const pilots = (await pilotsInScope(db, actor)).filter((p) => canWriteCaseFor(actor, p));
  return { items: pilots.map((p) => ({ id: p.id, name: p.name })) };
}

export async function evidenceOptions(db: Tx, actor: Actor, pilotId: string): Promise<EvidenceOptions> {
  const pilot = await pilotForWriting(db, actor, pilotId);
  const pool = await evidencePool(db, pilot!);
  return {
    pilotId: pilot!.id,
    pilotName: pilot!.name,
    regions: regionsOf(pilot!.cityCodes),
    targets: pool.filter((e) => e.kind === 'target'),
    reportValues: pool.filter((e) => e.kind === 'report_value'),
  };
}

/** The nominations of typical experience of the actor's pilots, with the case made from each. */
export async function listNominations(db: Tx, actor: Actor): Promise<NominationList> {
  if (!can(actor.role, 'case.write')) throw new AppError('FORBIDDEN');
  const pilots = await pilotsInScope(db, actor);
  const byId = new Map(pilots.map((p) => [p.id, p]));
  const rows = await q.nominationsOf(db, pilots.map((p) => p.id));
  return {
    items: rows.map((r) => {
      const pilot = byId.get(r.n.pilotId)!;
      return {
        id: r.n.id,
        pilotId: r.n.pilotId,
        pilotName: pilot.name,
        title: r.n.title,
        summary: r.n.summary,
        createdAt: iso(r.n.createdAt),
        caseId: r.caseId,
        canCreateCase: r.caseId === null && actor.role === 'city_applicant' && canWriteCaseFor(actor, pilot),
      };
    }),
  };
}

/** The city's nomination becomes its draft case: the words copied once, the region from the pilot. */
export async function createFromNomination(db: Db, actor: Actor, now: Date, nominationId: string): Promise<CaseDetail> {
  return db.transaction(async (tx) => {
    const n = await q.getNomination(tx, nominationId);
    if (!n) throw new AppError('NOT_FOUND');
    const pilot = await visiblePilot(tx, actor, n.pilotId);
    if (actor.role !== 'city_applicant' || !canWriteCaseFor(actor, pilot)) throw new AppError('FORBIDDEN');
    if ((await q.caseOfNomination(tx, n.id)) !== null) throw new AppError('CASE_NOMINATION_TAKEN');
    const content = { title: n.title, summary: n.summary, body: n.body };
    const id = await q.insertCase(
      tx,
      {
        pilotId: pilot.id,
        nominationId: n.id,
        authorKind: 'city',
        authorOrganisationId: actor.organisationId,
        cityCodes: pilot.cityCodes,
        ...content,
        regions: regionsOf(pilot.cityCodes),
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
        isDemo: pilot.isDemo,
      },
      searchColumns(content),
    );
    await q.insertCaseEvent(tx, { caseId: id, actorId: actor.id, action: 'create_from_nomination', version: 1, toState: 'draft', data: { nominationId: n.id }, createdAt: now });
    return present(tx, actor, (await q.getCase(tx, id))!);
  });
}

/** The published cases of a case book, in the order asked; an invisible one is a 404, an unpublished one a 422. */
export async function casesForBook(db: Tx, actor: Actor, ids: readonly string[]): Promise<q.CaseRecord[]> {
  const unique = [...new Set(ids)];
  const rows = await q.getCases(db, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: q.CaseRecord[] = [];
  for (const id of unique) {
    const c = byId.get(id);
    if (!c || !canSeeCase(actor, scopeOf(c))) throw new AppError('NOT_FOUND', { caseId: id });
    if (c.status !== 'published') throw new AppError('CASE_NOT_PUBLISHED', { caseId: id });
    out.push(c);
  }
  return out;
}

