/**
 * The published library as the public portal reads it, with no signed-in user and no actor: the same
 * Chinese search as the library's, in the published scope only, one published case, a pilot's
 * published cases. An explicit public read — it borrows no role's grants and computes no abilities —
 * that hands out only the public fields of a published case: never its workflow (version, reviewer's
 * comment, history), its authoring organisation's id and cities, the nomination it came from, nor
 * the pilot's name (a pilot is named on the portal only where its own page is public).
 */
import type { Tx } from '../../db/client.js';
import type { CaseEvidence } from '../../shared/cases/case-evidence.js';
import type { CaseTagKind } from '../../shared/cases/case-tags.js';
import { iso } from '../../shared/contract/wire.js';
import type { SearchMode } from './cases.contract.js';
import { getCase, publishedOfPilot, type CaseRecord } from './cases.queries.js';
import { highlightsOf, searchInScope } from './cases.service.js';

/** What of a published case the public may read. */
export interface PublishedCase {
  id: string;
  /** Always 'published': nothing else is read. */
  status: 'published';
  title: string;
  summary: string;
  body: string;
  /** The pilot it is about (the portal links it only when the pilot's page is public). */
  pilotId: string | null;
  authorKind: 'city' | 'ministry';
  /** The author: a city's organisation or the ministry. */
  authorName: string;
  cityTypes: string[];
  regions: string[];
  industries: string[];
  themes: string[];
  evidence: CaseEvidence[];
  publishedAt: string | null;
  updatedAt: string;
}

/** A published case in a public result list: its public fields without the body and evidence, with the matches marked. */
export interface PublishedCaseHit extends Omit<PublishedCase, 'body' | 'evidence'> {
  titleSegments: { text: string; hit: boolean }[];
  snippet: { segments: { text: string; hit: boolean }[]; before: boolean; after: boolean };
  phraseMatch: boolean;
}

export interface PublishedSearchResult {
  items: PublishedCaseHit[];
  total: number;
  page: number;
  pageSize: number;
  mode: SearchMode;
  terms: string[];
}

function listFields(c: CaseRecord): Omit<PublishedCase, 'body' | 'evidence'> {
  return {
    id: c.id,
    status: 'published',
    title: c.title,
    summary: c.summary,
    pilotId: c.pilotId,
    authorKind: c.authorKind === 'ministry' ? 'ministry' : 'city',
    authorName: c.authorName,
    cityTypes: c.cityTypes,
    regions: c.regions,
    industries: c.industries,
    themes: c.themes,
    publishedAt: c.publishedAt ? iso(c.publishedAt) : null,
    updatedAt: iso(c.updatedAt),
  };
}

function publicFields(c: CaseRecord): PublishedCase {
  return { ...listFields(c), body: c.body, evidence: c.evidence };
}

/** The public search: the published scope only, whoever asks (no actor, no role). */
export async function searchPublishedCases(
  db: Tx,
  params: { q?: string | undefined; page: number; pageSize: number } & Partial<Record<CaseTagKind, string | undefined>>,
): Promise<PublishedSearchResult> {
  const found = await searchInScope(db, { kind: 'published' }, params);
  return {
    // The scope's SQL reads published cases only; a row of another state is never handed out whatever that rule becomes.
    items: found.rows.filter((r) => r.status === 'published').map((r) => ({ ...listFields(r), ...highlightsOf(r, found.plan), phraseMatch: r.phraseMatch })),
    total: found.total,
    page: params.page,
    pageSize: params.pageSize,
    mode: found.mode,
    terms: found.terms,
  };
}

export async function publishedCase(db: Tx, id: string): Promise<PublishedCase | null> {
  const c = await getCase(db, id);
  return c && c.status === 'published' ? publicFields(c) : null;
}

export async function publishedCasesOfPilot(db: Tx, pilotId: string): Promise<PublishedCase[]> {
  return (await publishedOfPilot(db, pilotId)).filter((c) => c.status === 'published').map(publicFields);
}
