/**
 * Pilot cities (试点城市): the list in the user's scope, one pilot with its frozen targets, and the
 * approval reply (批复) as Word and PDF. Scope and abilities come from the one policy
 * (shared/permissions/pilot-scope.ts); the service reads and renders.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { pilotDetailSchema, pilotListSchema, pilotParams } from './pilots.contract.js';
import { approvalReply, pilotsInScope, presentPilot, presentPilotDetail, visiblePilot, type ApprovalFormat } from './pilots.service.js';

const TAGS = ['pilots'];
const MEDIA_OF: Record<ApprovalFormat, string> = { docx: MEDIA.docx, pdf: MEDIA.pdf };

export async function pilotRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const config = { permission: 'pilot.read' as const };

  r.get(
    '/pilots',
    { config, schema: { tags: TAGS, summary: '试点城市 Pilot cities in my scope', response: { 200: pilotListSchema, ...errorResponses(401, 403) } } },
    async (req) => {
      const user = requireUser(req);
      return { items: (await pilotsInScope(db, user)).map((p) => presentPilot(user, p)) };
    },
  );

  r.get(
    '/pilots/:id',
    { config, schema: { tags: TAGS, summary: '试点城市详情（含冻结的目标）Pilot with its frozen targets', params: pilotParams, response: { 200: pilotDetailSchema, ...errorResponses(401, 403, 404) } } },
    async (req) => {
      const user = requireUser(req);
      return presentPilotDetail(user, await visiblePilot(db, user, req.params.id));
    },
  );

  /** Sends the rendered reply as an attachment, with an ASCII name and the Chinese one for browsers that read it. */
  function approvalRoute(format: ApprovalFormat, label: string) {
    return {
      config,
      schema: {
        tags: TAGS,
        summary: `批复（${label}）The approval reply as ${label}`,
        params: pilotParams,
        response: { 200: fileResponse(`批复 ${label}`, MEDIA_OF[format]), ...errorResponses(401, 403, 404) },
      },
    };
  }
  async function sendApproval(req: FastifyRequest, reply: FastifyReply, id: string, format: ApprovalFormat) {
    const file = await approvalReply(db, requireUser(req), id, format);
    reply.header('content-disposition', `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    return reply.type(MEDIA_OF[format]).send(file.buffer);
  }

  r.get('/pilots/:id/approval.docx', approvalRoute('docx', 'Word'), (req, reply) => sendApproval(req, reply, req.params.id, 'docx'));
  r.get('/pilots/:id/approval.pdf', approvalRoute('pdf', 'PDF'), (req, reply) => sendApproval(req, reply, req.params.id, 'pdf'));
}
