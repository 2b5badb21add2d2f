/**
 * The public portal's data (ADR 0016). The ministry publishes a pilot's page and each year's progress
 * (portal_publications); the public pages read only what is published: pilots with a page in force,
 * the years in force, notices marked published, cases in the state 'published'. The pure rules of
 * what is public are src/shared/portal/publication.ts; each read below applies them once more on the
 * rows it got, so a reader added later cannot leak by forgetting a filter in its query.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import type { AttainmentStatus } from '../../shared/monitoring/attainment.js';
import type { PilotState } from '../../shared/monitoring/pilot-lifecycle.js';
import type { Target } from '../../shared/plan/plan-schema.js';
import { inForce, isPublicCase, isPublicNotice, publicViewOf, publishRefusal, withdrawRefusal, type PublicPilotView } from '../../shared/portal/publication.js';
import { asPilotState } from '../../shared/portal/tile-map.js';
import type { Actor } from '../../shared/roles/roles.js';
import { attainmentsOf } from '../attainment/public.js';
import { publishedCase, publishedCasesOfPilot, searchPublishedCases, type PublishedCase } from '../cases/public.js';
import { getPilot, listPilots, type PilotRow } from '../pilots/public.js';
import { publishedNotice, publishedNotices } from '../rectifications/public.js';
import type { Publication, PublishBody, PublishingList } from './portal.contract.js';
import * as q from './portal.queries.js';

export const publicPilotPath = (id: string) => `/portal/pilots/${id}`;

// ---------------------------------------------------------------------------------------------
// The ministry's publishing

function presentPublication(p: q.PublicationWithNames): Publication {
  return {
    id: p.id,
    pilotId: p.pilotId,
    subject: p.subject === 'attainment' ? 'attainment' : 'plan',
    year: p.year,
    summary: p.summary,
    publishedAt: iso(p.publishedAt),
    publishedByName: p.publishedByName,
    withdrawnAt: iso(p.withdrawnAt),
  };
}

export async function publishingList(db: Tx): Promise<PublishingList> {
  const pilots = await listPilots(db);
  const pubs = await q.publicationsWithNames(
    db,
    pilots.map((p) => p.id),
  );
  return {
    items: pilots.map((p) => {
      const own = pubs.filter((x) => x.pilotId === p.id);
      const live = inForce(own);
      const page = live.find((x) => x.subject === 'plan') ?? null;
      const years = [];
      for (let y = p.periodStartYear; y <= p.periodEndYear; y++) {
        const found = live.find((x) => x.subject === 'attainment' && x.year === y);
        years.push({ year: y, publication: found ? presentPublication(found) : null });
      }
      return {
        id: p.id,
        name: p.name,
        cityCodes: p.cityCodes,
        state: asPilotState(p.state),
        periodStartYear: p.periodStartYear,
        periodEndYear: p.periodEndYear,
        page: page ? presentPublication(page) : null,
        years,
        history: own.map(presentPublication),
        publicPath: page ? publicPilotPath(p.id) : null,
      };
    }),
  };
}

function isUniqueViolation(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null) return false;
  if ((err as { code?: unknown }).code === '23505') return true;
  return depth < 3 && isUniqueViolation((err as { cause?: unknown }).cause, depth + 1);
}

async function withNames(db: Tx, row: q.PublicationRow): Promise<Publication> {
  const [named] = (await q.publicationsWithNames(db, [row.pilotId])).filter((p) => p.id === row.id);
  return presentPublication(named!);
}

export async function publish(db: Db, actor: Actor, now: Date, pilotId: string, body: PublishBody): Promise<Publication> {
  const pilot = await getPilot(db, pilotId);
  if (!pilot) throw new AppError('NOT_FOUND');
  const input = body.subject === 'plan' ? { subject: 'plan' as const, year: null } : { subject: 'attainment' as const, year: body.year };
  const refusal = publishRefusal(input, pilot, await q.publicationsOf(db, [pilot.id]));
  if (refusal) throw new AppError(refusal);
  try {
    const row = await q.insertPublication(db, {
      pilotId: pilot.id,
      subject: input.subject,
      year: input.year,
      summary: body.subject === 'plan' ? body.summary : '',
      publishedBy: actor.id,
      publishedAt: now,
      isDemo: pilot.isDemo,
    });
    return await withNames(db, row);
  } catch (err) {
    // Two publishers at once: the partial unique index keeps one in force.
    if (isUniqueViolation(err)) throw new AppError('PORTAL_ALREADY_PUBLISHED');
    throw err;
  }
}

export async function withdraw(db: Db, actor: Actor, now: Date, id: string): Promise<Publication> {
  const pub = await q.getPublication(db, id);
  if (!pub) throw new AppError('NOT_FOUND');
  const refusal = withdrawRefusal(pub);
  if (refusal) throw new AppError(refusal);
  const done = await q.casWithdraw(db, id, actor.id, now);
  if (!done) throw new AppError('PORTAL_ALREADY_WITHDRAWN');
  return withNames(db, done);
}

// ---------------------------------------------------------------------------------------------
// What the public pages read

export interface PublicPilot {
  id: string;
  name: string;
  cityCodes: string[];
  state: PilotState;
  periodStartYear: number;
  periodEndYear: number;
  documentNo: string;
  approvalDate: string;
  view: PublicPilotView;
}

function publicPilotOf(p: PilotRow, pubs: readonly q.PublicationRow[]): PublicPilot | null {
  const view = publicViewOf(
    pubs.filter((x) => x.pilotId === p.id),
    p,
  );
  if (!view) return null;
  return {
    id: p.id,
    name: p.name,
    cityCodes: p.cityCodes,
    state: asPilotState(p.state),
    periodStartYear: p.periodStartYear,
    periodEndYear: p.periodEndYear,
    documentNo: p.documentNo,
    approvalDate: p.approvalDate,
    view,
  };
}

/** The pilots whose page is published, in the order of their approval. */
export async function publicPilots(db: Tx): Promise<PublicPilot[]> {
  const pubs = await q.publicationsInForce(db);
  const ids = new Set(pubs.filter((p) => p.subject === 'plan').map((p) => p.pilotId));
  if (ids.size === 0) return [];
  return (await listPilots(db)).filter((p) => ids.has(p.id)).flatMap((p) => publicPilotOf(p, pubs) ?? []);
}

export interface ProgressRow {
  indicator: string;
  unit: string;
  required: number | null;
  actual: number | null;
  status: AttainmentStatus;
}

export interface PublicPilotPage {
  pilot: PublicPilot;
  targets: Target[];
  progress: { year: number; rows: ProgressRow[] }[];
  cases: PublishedCase[];
}

/** A published pilot's page: the targets, the published years' progress and its published cases; null when not public. */
export async function publicPilotPage(db: Tx, id: string): Promise<PublicPilotPage | null> {
  const row = await getPilot(db, id);
  if (!row) return null;
  const pilot = publicPilotOf(row, await q.publicationsOf(db, [row.id]));
  if (!pilot) return null;
  const items = await attainmentsOf(db, row);
  const progress = pilot.view.years.map((year) => ({
    year,
    rows: items.map(({ target, attainment }) => {
      const y = attainment.years.find((a) => a.year === year);
      return { indicator: target.indicator, unit: target.unit, required: y?.required ?? null, actual: y?.actual ?? null, status: y?.status ?? 'no_data' };
    }),
  }));
  const cases = (await publishedCasesOfPilot(db, row.id)).filter(isPublicCase);
  return { pilot, targets: items.map((i) => i.target), progress, cases };
}

export async function publicNotices(db: Tx) {
  return (await publishedNotices(db)).filter(isPublicNotice);
}

export async function publicNotice(db: Tx, id: string) {
  const n = await publishedNotice(db, id);
  return n && isPublicNotice(n) ? n : null;
}

export async function publicCaseSearch(db: Tx, params: { q?: string | undefined; page: number; pageSize: number }) {
  const result = await searchPublishedCases(db, params);
  return { ...result, items: result.items.filter(isPublicCase) };
}

export async function publicCase(db: Tx, id: string): Promise<PublishedCase | null> {
  const c = await publishedCase(db, id);
  return c && isPublicCase(c) ? c : null;
}
