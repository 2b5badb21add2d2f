/**
 * Pilot cities (试点城市): created by approval, with their three-year period and frozen targets; and
 * the approval reply (批复) as Word and PDF. The leading group's observer reads them all.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { organisations } from '../../db/schema.js';
import { AppError } from '../../server/app-error.js';
import { errorResponses } from '../../server/openapi.js';
import type { Actor } from '../../shared/permissions/roles.js';
import { DIMENSION_LABELS, TARGET_DIMENSIONS } from '../../shared/plan/plan-schema.js';
import { renderApprovalReplyDocx, renderApprovalReplyPdf, type ApprovalReplyData } from '../approvals/documents/approval-reply.js';
import { getApplication } from '../applications/applications.queries.js';
import { requireUser } from '../auth/session-plugin.js';
import { getDivision, getReviewAuthority, reviewAuthoritiesFor } from '../reference/divisions.js';
import { getPilot, listPilots, type PilotRow } from '../ministry-review/review.queries.js';

/** Row scope of pilots: a city its own, a province those of its cities, central bodies all. */
export function canSeePilot(actor: Actor, pilot: Pick<PilotRow, 'cityCodes'>): boolean {
  switch (actor.role) {
    case 'city_applicant':
      return pilot.cityCodes.includes(actor.divisionCode);
    case 'provincial_authority':
      return actor.authorityId !== null && pilot.cityCodes.some((c) => reviewAuthoritiesFor(c).includes(actor.authorityId!));
    case 'ministry_planning':
    case 'ministry_department':
    case 'leading_group_observer':
      return true;
    default:
      return false;
  }
}

function present(p: PilotRow) {
  return {
    id: p.id,
    applicationId: p.applicationId,
    name: p.name,
    cityCodes: p.cityCodes,
    cityNames: p.cityCodes.map((c) => getDivision(c)?.name ?? c),
    documentNo: p.documentNo,
    approvalDate: p.approvalDate,
    periodStartYear: p.periodStartYear,
    periodEndYear: p.periodEndYear,
    filedAt: p.filedAt,
    targetCount: p.targets.length,
    isDemo: p.isDemo,
  };
}

async function approvalData(db: Db, pilot: PilotRow): Promise<ApprovalReplyData> {
  const app = await getApplication(db, pilot.applicationId);
  if (!app) throw new AppError('NOT_FOUND');
  const authorityIds = [...new Set(app.cities.map((c) => c.authorityId))];
  const orgs = await db
    .select({ name: organisations.name, authorityId: organisations.authorityId })
    .from(organisations)
    .where(and(eq(organisations.kind, 'province_authority'), inArray(organisations.authorityId, authorityIds)));
  const authorityNames = authorityIds.map((id) => orgs.find((o) => o.authorityId === id)?.name ?? getReviewAuthority(id)?.label ?? id);
  const applicant = app.plan.cover.applicant || app.applicantName;
  const firstOfEach = TARGET_DIMENSIONS.map((d) => pilot.targets.find((t) => t.dimension === d)).filter((t) => t !== undefined);
  return {
    documentNo: pilot.documentNo,
    cityName: pilot.name.replace(/人民政府$/, ''),
    applicantName: applicant.endsWith('人民政府') ? applicant : `${applicant}人民政府`,
    addressees: [...authorityNames, applicant.endsWith('人民政府') ? applicant : `${applicant}人民政府`],
    applicationTitle: app.plan.cover.title || app.title,
    approvalDate: pilot.approvalDate,
    pilotYears: [pilot.periodStartYear, pilot.periodStartYear + 1, pilot.periodStartYear + 2],
    keyTargets: firstOfEach.map((t) => ({ dimension: t.dimension ? DIMENSION_LABELS[t.dimension].zh : '', indicator: t.indicator, wording: t.wording })),
    copyTo: ['国家制造强国建设领导小组办公室'],
  };
}

export async function pilotRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const params = z.object({ id: z.uuid() });

  async function visiblePilot(actor: Actor, id: string) {
    const pilot = await getPilot(db, id);
    if (!pilot || !canSeePilot(actor, pilot)) throw new AppError('NOT_FOUND');
    return pilot;
  }

  r.get(
    '/pilots',
    { config: { permission: 'pilot.read' }, schema: { tags: ['pilots'], summary: '试点城市 Pilot cities in my scope', response: { 200: z.any(), ...errorResponses(401, 403) } } },
    async (req) => {
      const user = requireUser(req);
      return { items: (await listPilots(db)).filter((p) => canSeePilot(user, p)).map(present) };
    },
  );

  r.get(
    '/pilots/:id',
    { config: { permission: 'pilot.read' }, schema: { tags: ['pilots'], summary: '试点城市详情（含冻结的目标）Pilot with its frozen targets', params, response: { 200: z.any(), ...errorResponses(401, 403, 404) } } },
    async (req) => {
      const pilot = await visiblePilot(requireUser(req), req.params.id);
      return { ...present(pilot), targets: pilot.targets };
    },
  );

  const name = (p: PilotRow, ext: string) => `attachment; filename="approval-${p.approvalDate}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${p.name}试点批复.${ext}`)}`;

  r.get(
    '/pilots/:id/approval.docx',
    { config: { permission: 'pilot.read' }, schema: { tags: ['pilots'], summary: '批复（Word）The approval reply as Word', params, response: { 200: z.any(), ...errorResponses(401, 403, 404) } } },
    async (req, reply) => {
      const pilot = await visiblePilot(requireUser(req), req.params.id);
      const buf = await renderApprovalReplyDocx(await approvalData(db, pilot));
      reply.header('content-disposition', name(pilot, 'docx'));
      return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(buf);
    },
  );

  r.get(
    '/pilots/:id/approval.pdf',
    { config: { permission: 'pilot.read' }, schema: { tags: ['pilots'], summary: '批复（PDF）The approval reply as PDF', params, response: { 200: z.any(), ...errorResponses(401, 403, 404) } } },
    async (req, reply) => {
      const pilot = await visiblePilot(requireUser(req), req.params.id);
      const buf = await renderApprovalReplyPdf(await approvalData(db, pilot));
      reply.header('content-disposition', name(pilot, 'pdf'));
      return reply.type('application/pdf').send(buf);
    },
  );
}
