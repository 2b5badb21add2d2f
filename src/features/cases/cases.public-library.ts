/**
 * The published library as the public portal reads it, with no signed-in user: the same Chinese
 * search as the library's (scope 'library', published cases only), one published case, a pilot's
 * published cases. Nothing else of a case's workflow (drafts, reviews, comments, history) is read.
 */
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../shared/roles/roles.js';
import type { SearchResult } from './cases.contract.js';
import { getCase, publishedOfPilot, type CaseRecord } from './cases.queries.js';
import { searchLibrary } from './cases.service.js';

/**
 * The search decides its scope from the actor; the public reads as a read-only role that authors and
 * edits nothing, in the published scope. The abilities it computes are not shown.
 */
const PUBLIC_READER: Actor = { id: '00000000-0000-0000-0000-000000000000', role: 'leading_group_observer', organisationId: '00000000-0000-0000-0000-000000000000', divisionCode: '000000', authorityId: null };

export async function searchPublishedCases(db: Tx, params: { q?: string | undefined; page: number; pageSize: number }): Promise<SearchResult> {
  const result = await searchLibrary(db, PUBLIC_READER, { q: params.q, page: params.page, pageSize: params.pageSize, scope: 'library' });
  // The library scope is 'published' already; this keeps it so whatever the scope rule becomes.
  return { ...result, items: result.items.filter((c) => c.status === 'published') };
}

export async function publishedCase(db: Tx, id: string): Promise<CaseRecord | null> {
  const c = await getCase(db, id);
  return c && c.status === 'published' ? c : null;
}

export async function publishedCasesOfPilot(db: Tx, pilotId: string): Promise<CaseRecord[]> {
  return publishedOfPilot(db, pilotId);
}

export type { CaseRecord as PublishedCase };
