/**
 * The summary 总结示范: the city's final summary report (a draft it edits by compare-and-set, then
 * submits once) and its nominations of typical experience 典型经验, kept as drafts for the case
 * library. The ministry's decision that the pilot becomes a demonstration city is the lifecycle's
 * confirm_demonstration (pilots.service.ts); its guard asks for a passed evaluation of the summary
 * phase, not for the report, because the final evaluation is what reads the report.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import { pilotAbilities } from '../../shared/permissions/pilot-scope.js';
import type { Actor } from '../../shared/roles/roles.js';
import type { Nomination, NominationBody, NominationUpdateBody, SummaryView } from './pilots.contract.js';
import * as q from './pilots.queries.js';
import { recordPilotEvent, visiblePilot } from './pilots.service.js';

const SUMMARY_PURPOSE = 'summary';

function presentNomination(n: q.NominationRow): Nomination {
  return { id: n.id, title: n.title, summary: n.summary, body: n.body, status: n.status, version: n.version, createdAt: iso(n.createdAt) };
}

export async function summaryView(db: Tx, actor: Actor, pilotId: string): Promise<SummaryView> {
  const pilot = await visiblePilot(db, actor, pilotId);
  const [report, nominations] = await Promise.all([q.getSummary(db, pilot.id), q.listNominations(db, pilot.id)]);
  const files = report ? await q.pilotFilesOf(db, pilot.id, report.fileIds, SUMMARY_PURPOSE) : [];
  const can = pilotAbilities(actor, pilot);
  const draft = report === null || report.status === 'draft';
  const abilities: SummaryView['abilities'] = [];
  if (can.includes('writeSummary') && draft) abilities.push('edit');
  if (can.includes('writeSummary') && report?.status === 'draft') abilities.push('submit');
  if (can.includes('nominateExperience')) abilities.push('nominate');
  return {
    report: report && {
      body: report.body,
      files: report.fileIds.map((id) => files.find((f) => f.id === id)).filter((f) => f !== undefined),
      status: report.status === 'submitted' ? 'submitted' : 'draft',
      version: report.version,
      submittedAt: report.submittedAt ? iso(report.submittedAt) : null,
      updatedAt: iso(report.updatedAt),
    },
    nominations: nominations.map(presentNomination),
    abilities,
  };
}

/** The pilot, when the actor (a city of it) may write its summary now: in the summary phase only. */
async function writablePilot(tx: Tx, actor: Actor, pilotId: string, ability: 'writeSummary' | 'nominateExperience') {
  const pilot = await visiblePilot(tx, actor, pilotId);
  if (actor.role !== 'city_applicant') throw new AppError('FORBIDDEN');
  if (!pilotAbilities(actor, pilot).includes(ability)) throw new AppError('PILOT_INVALID_TRANSITION', { state: pilot.state });
  return pilot;
}

export async function saveSummary(db: Db, actor: Actor, pilotId: string, body: { body: string; fileIds: string[]; version: number }) {
  return db.transaction(async (tx) => {
    const pilot = await writablePilot(tx, actor, pilotId, 'writeSummary');
    const current = await q.getSummary(tx, pilot.id);
    if (current?.status === 'submitted') throw new AppError('SUMMARY_ALREADY_SUBMITTED');
    const fileIds = [...new Set(body.fileIds)];
    if ((await q.pilotFilesOf(tx, pilot.id, fileIds, SUMMARY_PURPOSE)).length !== fileIds.length) throw new AppError('SUMMARY_FILE_INVALID');
    if (current === null) {
      if (body.version !== 0 || !(await q.insertSummary(tx, { pilotId: pilot.id, body: body.body, fileIds }))) {
        throw new AppError('VERSION_CONFLICT', { currentVersion: (await q.getSummary(tx, pilot.id))?.version ?? 0 });
      }
      await recordPilotEvent(tx, { pilot, actor, action: 'draft_summary' });
    } else {
      if (body.version !== current.version) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      if ((await q.casUpdateSummary(tx, pilot.id, current.version, { body: body.body, fileIds })) === null) {
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      }
    }
    return summaryView(tx, actor, pilot.id);
  });
}

export async function submitSummary(db: Db, actor: Actor, now: Date, pilotId: string, body: { version: number }) {
  return db.transaction(async (tx) => {
    const pilot = await writablePilot(tx, actor, pilotId, 'writeSummary');
    const current = await q.getSummary(tx, pilot.id);
    if (!current) throw new AppError('VERSION_CONFLICT', { currentVersion: 0 });
    if (current.status === 'submitted') throw new AppError('SUMMARY_ALREADY_SUBMITTED');
    if (body.version !== current.version) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    if (current.body.trim() === '') throw new AppError('VALIDATION_FAILED', { field: 'body' });
    const v = await q.casUpdateSummary(tx, pilot.id, current.version, { status: 'submitted', submittedAt: now });
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    await recordPilotEvent(tx, { pilot, actor, action: 'submit_summary', data: { files: current.fileIds.length } });
    return summaryView(tx, actor, pilot.id);
  });
}

export async function createNomination(db: Db, actor: Actor, pilotId: string, body: Required<NominationBody>) {
  return db.transaction(async (tx) => {
    const pilot = await writablePilot(tx, actor, pilotId, 'nominateExperience');
    const n = await q.insertNomination(tx, { pilotId: pilot.id, title: body.title, summary: body.summary, body: body.body, createdBy: actor.id });
    await recordPilotEvent(tx, { pilot, actor, action: 'nominate_experience', data: { nominationId: n.id, title: n.title } });
    return presentNomination(n);
  });
}

/** Edits a draft made on `version`; an edit by someone else meanwhile is a VERSION_CONFLICT. */
export async function updateNomination(db: Db, actor: Actor, pilotId: string, nominationId: string, body: Required<NominationUpdateBody>) {
  return db.transaction(async (tx) => {
    const pilot = await writablePilot(tx, actor, pilotId, 'nominateExperience');
    const { version, ...patch } = body;
    const n = await q.updateNomination(tx, pilot.id, nominationId, patch, version);
    if (!n) {
      const current = (await q.listNominations(tx, pilot.id)).find((x) => x.id === nominationId && x.status === 'draft');
      throw current ? new AppError('VERSION_CONFLICT', { currentVersion: current.version }) : new AppError('NOT_FOUND');
    }
    return presentNomination(n);
  });
}

export async function deleteNomination(db: Db, actor: Actor, pilotId: string, nominationId: string) {
  return db.transaction(async (tx) => {
    const pilot = await writablePilot(tx, actor, pilotId, 'nominateExperience');
    if (!(await q.deleteNomination(tx, pilot.id, nominationId))) throw new AppError('NOT_FOUND');
    await recordPilotEvent(tx, { pilot, actor, action: 'withdraw_nomination', data: { nominationId } });
  });
}
