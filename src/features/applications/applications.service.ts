/**
 * The application journey: create, edit with optimistic locking, and every lifecycle transition.
 * Each transition is one transaction: compare-and-set on version and status, then an audit event.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import {
  decideTransition,
  type ApplicationAction,
  type ApplicationState,
  type TransitionContext,
} from '../../shared/lifecycle/application-lifecycle.js';
import { checklistComplete, type PaperCopyState } from '../../shared/lifecycle/provincial-checklist.js';
import { checkPlan } from '../../shared/plan/checker.js';
import { emptyPlan, type Plan } from '../../shared/plan/plan-schema.js';
import { allowedApplicationActions, applicationAbilities, type ApplicationAbility } from '../../shared/permissions/application-scope.js';
import { canSeeApplication, type ApplicationScope } from '../../shared/permissions/policy.js';
import type { Actor } from '../../shared/roles/roles.js';
import { getDivision, reviewAuthoritiesFor } from '../../shared/reference/divisions.js';
import {
  casUpdateApplication,
  closePendingRound,
  countPending,
  decideProvincialReview,
  getApplication,
  insertApplication,
  insertEvent,
  insertIntake,
  listProvincialReviews,
  openProvincialRound,
  recordPlanVersion,
  replaceApplicationCities,
  type ApplicationRow,
} from './applications.queries.js';

/** The facts of an application that decide who may see it (and its attachments). */
export function scopeOf(app: ApplicationRow): ApplicationScope {
  return {
    status: app.status,
    cityCodes: app.cities.map((c) => c.cityCode),
    authorityIds: app.cities.map((c) => c.authorityId),
    forwardedAt: app.forwardedAt,
  };
}

/** Loads an application the actor may see; anything else is "not found" so nothing leaks. */
export async function loadVisible(db: Tx, actor: Actor, id: string): Promise<ApplicationRow> {
  const app = await getApplication(db, id);
  if (!app) throw new AppError('NOT_FOUND');
  if (!canSeeApplication(actor, scopeOf(app))) throw new AppError('NOT_FOUND');
  return app;
}

/** An application's id and the facts of its scope, for features that guard rows hanging off it. */
export async function applicationScope(db: Tx, id: string): Promise<{ id: string; scope: ApplicationScope } | null> {
  const app = await getApplication(db, id);
  return app ? { id: app.id, scope: scopeOf(app) } : null;
}

/** Resolves city codes to rows with their review authority; refuses codes that are not applicant cities. */
export function resolveCities(cityCodes: readonly string[]): { cityCode: string; authorityId: string }[] {
  const unique = [...new Set(cityCodes)];
  return unique.map((code) => {
    const d = getDivision(code);
    if (!d || d.level === 'province') throw new AppError('CITY_NOT_IN_SCOPE', { cityCode: code });
    const authorities = reviewAuthoritiesFor(code);
    const authorityId = authorities[0];
    if (!authorityId) throw new AppError('CITY_NOT_IN_SCOPE', { cityCode: code });
    return { cityCode: code, authorityId };
  });
}

function newRefNo(year: number, cityCode: string): string {
  return `ZZ2025-${year}-${cityCode}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export interface CreateInput {
  title: string;
  applicationYear: number;
  cityCodes?: string[];
  plan?: Plan;
}

export async function createApplication(db: Db, actor: Actor, input: CreateInput, opts: { isDemo?: boolean } = {}) {
  const cityCodes = input.plan?.cover.cityCodes.length
    ? input.plan.cover.cityCodes
    : input.cityCodes?.length
      ? input.cityCodes
      : [actor.divisionCode];
  if (!cityCodes.includes(actor.divisionCode)) throw new AppError('CITY_NOT_IN_SCOPE', { cityCode: actor.divisionCode });
  const cities = resolveCities(cityCodes);
  const plan: Plan = input.plan
    ? { ...input.plan, cover: { ...input.plan.cover, cityCodes: cities.map((c) => c.cityCode) } }
    : emptyPlan(input.applicationYear, '', cities.map((c) => c.cityCode));
  if (!plan.cover.title) plan.cover.title = input.title;
  const applicationYear = input.plan ? input.plan.cover.applicationYear : input.applicationYear;
  return db.transaction(async (tx) => {
    const id = await insertApplication(
      tx,
      {
        refNo: newRefNo(applicationYear, actor.divisionCode),
        title: input.title || plan.cover.title,
        applicantOrgId: actor.organisationId,
        applicationYear,
        plan,
        createdBy: actor.id,
        isDemo: opts.isDemo,
      },
      cities,
    );
    await recordPlanVersion(tx, { applicationId: id, version: 1, kind: input.plan ? 'import' : 'create', round: 0, plan, createdBy: actor.id });
    await insertEvent(tx, { applicationId: id, actorId: actor.id, action: 'create', toStatus: 'draft', data: { imported: Boolean(input.plan) } });
    return id;
  });
}

export async function savePlan(db: Db, actor: Actor, id: string, input: { version: number; plan: Plan; title?: string }) {
  return db.transaction(async (tx) => {
    const app = await loadVisible(tx, actor, id);
    const decision = decideTransition(app.status, 'save', actor.role, contextFor(app, actor, [], 'save'));
    if (!decision.ok) throw new AppError(decision.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_TRANSITION');
    if (app.version !== input.version) throw conflict(app.version);
    if (!input.plan.cover.cityCodes.includes(actor.divisionCode)) {
      throw new AppError('CITY_NOT_IN_SCOPE', { cityCode: actor.divisionCode });
    }
    const cities = resolveCities(input.plan.cover.cityCodes);
    const title = input.title ?? (input.plan.cover.title || app.title);
    const newVersion = await casUpdateApplication(tx, id, { version: input.version, status: app.status }, { plan: input.plan, title });
    if (newVersion === null) throw conflict(app.version);
    const before = app.cities.map((c) => c.cityCode).join(',');
    if (before !== cities.map((c) => c.cityCode).sort().join(',')) await replaceApplicationCities(tx, id, cities);
    await recordPlanVersion(tx, { applicationId: id, version: newVersion, kind: 'save', round: app.round, plan: input.plan, createdBy: actor.id });
    return { version: newVersion };
  });
}

function conflict(currentVersion: number) {
  return new AppError('VERSION_CONFLICT', { currentVersion });
}

function blockingFindingsOf(plan: Plan) {
  return checkPlan(plan).filter((f) => f.severity === 'blocking');
}

function contextFor(app: ApplicationRow, actor: Actor, pending: string[], action: ApplicationAction): TransitionContext {
  return {
    // The checker runs only where a guard reads it.
    blockingFindings: action === 'submit' ? blockingFindingsOf(app.plan).length : 0,
    actorAuthorityPending: actor.authorityId !== null && pending.includes(actor.authorityId),
    otherAuthoritiesPending: pending.filter((a) => a !== actor.authorityId).length,
  };
}

/**
 * What this actor may do with this application now, by the one policy: the lifecycle actions (the
 * detail's buttons) and the abilities sent with the application.
 */
export async function accessOf(db: Tx, actor: Actor, app: ApplicationRow): Promise<{ allowedActions: ApplicationAction[]; abilities: ApplicationAbility[] }> {
  const pending = app.status === 'submitted' ? await countPending(db, app.id, app.round) : [];
  const facts = { ...scopeOf(app), actorAuthorityPending: actor.authorityId !== null && pending.includes(actor.authorityId) };
  return { allowedActions: allowedApplicationActions(actor, facts), abilities: applicationAbilities(actor, facts) };
}

export type TransitionInput =
  | { action: 'submit'; version: number; comment?: string }
  | { action: 'forward'; version: number; checklist: Record<string, boolean>; opinion: string; opinionDate: string }
  | { action: 'return'; version: number; reasons: string }
  | {
      action: 'receive';
      version: number;
      printedCopies: PaperCopyState;
      discs: PaperCopyState;
      formalCheckPassed: boolean;
      note?: string;
    };

/** `now`: the instant the step happens (the demo seed replays history); defaults to the present. */
export async function transition(db: Db, actor: Actor, id: string, input: TransitionInput, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const app = await loadVisible(tx, actor, id);
    const pending = app.status === 'submitted' ? await countPending(tx, id, app.round) : [];
    const ctx = contextFor(app, actor, pending, input.action);
    const decision = decideTransition(app.status, input.action, actor.role, ctx);
    if (!decision.ok) {
      if (decision.reason === 'PLAN_HAS_BLOCKING_FINDINGS') {
        throw new AppError('PLAN_HAS_BLOCKING_FINDINGS', { findings: blockingFindingsOf(app.plan) });
      }
      throw new AppError(decision.reason);
    }
    if (app.version !== input.version) throw conflict(app.version);
    const from: ApplicationState = app.status;
    const to = decision.to;

    switch (input.action) {
      case 'submit': {
        const round = app.round + 1;
        const v = await casUpdateApplication(tx, id, { version: input.version, status: from }, { status: to, round, submittedAt: now });
        if (v === null) throw conflict(app.version);
        const authorities = [...new Set(app.cities.map((c) => c.authorityId))];
        await openProvincialRound(tx, id, round, authorities);
        await recordPlanVersion(tx, { applicationId: id, version: v, kind: 'submitted', round, plan: app.plan, createdBy: actor.id });
        await insertEvent(tx, { applicationId: id, actorId: actor.id, action: 'submit', fromStatus: from, toStatus: to, comment: input.comment ?? null, data: { round, authorities } });
        return { version: v, status: to };
      }
      case 'forward': {
        if (!checklistComplete(input.checklist)) throw new AppError('CHECKLIST_INCOMPLETE');
        const decided = await decideProvincialReview(
          tx,
          { applicationId: id, authorityId: actor.authorityId!, round: app.round },
          { decision: 'forwarded', checklist: input.checklist, opinion: input.opinion, opinionDate: input.opinionDate, reviewerId: actor.id },
        );
        if (!decided) throw new AppError('ALREADY_DECIDED');
        const v = await casUpdateApplication(tx, id, { version: input.version, status: from }, to === 'forwarded' ? { status: to, forwardedAt: now } : { status: to });
        if (v === null) throw conflict(app.version);
        await insertEvent(tx, {
          applicationId: id,
          actorId: actor.id,
          action: 'forward',
          fromStatus: from,
          toStatus: to,
          comment: input.opinion,
          data: { authorityId: actor.authorityId, round: app.round, opinionDate: input.opinionDate, checklist: input.checklist, stillPending: ctx.otherAuthoritiesPending },
        });
        return { version: v, status: to };
      }
      case 'return': {
        const decided = await decideProvincialReview(
          tx,
          { applicationId: id, authorityId: actor.authorityId!, round: app.round },
          { decision: 'returned', opinion: input.reasons, opinionDate: now.toISOString().slice(0, 10), reviewerId: actor.id },
        );
        if (!decided) throw new AppError('ALREADY_DECIDED');
        await closePendingRound(tx, id, app.round);
        const v = await casUpdateApplication(tx, id, { version: input.version, status: from }, { status: to });
        if (v === null) throw conflict(app.version);
        await insertEvent(tx, { applicationId: id, actorId: actor.id, action: 'return', fromStatus: from, toStatus: to, comment: input.reasons, data: { authorityId: actor.authorityId, round: app.round } });
        return { version: v, status: to };
      }
      case 'receive': {
        const v = await casUpdateApplication(tx, id, { version: input.version, status: from }, { status: to, receivedAt: now });
        if (v === null) throw conflict(app.version);
        await insertIntake(tx, {
          applicationId: id,
          printedCopies: input.printedCopies,
          discs: input.discs,
          formalCheckPassed: input.formalCheckPassed,
          note: input.note ?? null,
          recordedBy: actor.id,
        });
        await insertEvent(tx, {
          applicationId: id,
          actorId: actor.id,
          action: 'receive',
          fromStatus: from,
          toStatus: to,
          comment: input.note ?? null,
          data: { printedCopies: input.printedCopies, discs: input.discs, formalCheckPassed: input.formalCheckPassed },
        });
        return { version: v, status: to };
      }
    }
  });
}

export { listProvincialReviews };
