/**
 * The one-click dossier's two downloads. The audit hook records each as an export (the answer is an
 * attachment); the route adds the zip's digest and size and how many files it holds.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { noteAudit } from '../../kernel/audit-note.js';
import { errorResponses, fileResponse } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { DOSSIER_MEDIA_TYPE, dossierParams } from './dossier.contract.js';
import { applicationDossier, pilotDossier, zipDigest, type BuiltDossier } from './dossier.service.js';

export interface DossierRouteOptions {
  db: Db;
  uploadDir: string;
  maxBytes?: number;
}

const TAGS = ['dossier'];

export async function dossierRoutes(app: FastifyInstance, opts: DossierRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const options = { uploadDir: opts.uploadDir, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) };

  const send = (reply: FastifyReply, d: BuiltDossier) => {
    noteAudit(reply.request, { details: { dossier: { object: d.manifest.object, files: d.manifest.files.length, bytes: d.zip.length, sha256: zipDigest(d.zip) } } });
    return reply
      .header('content-type', DOSSIER_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${d.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(d.filename)}`)
      .header('cache-control', 'private, no-store')
      .send(d.zip);
  };
  const schema = (summary: string) => ({
    tags: TAGS,
    summary,
    params: dossierParams,
    response: { 200: fileResponse('完整档案（zip，含 manifest.json 与 目录.txt）The dossier as a zip with its manifest', DOSSIER_MEDIA_TYPE), ...errorResponses(401, 403, 404, 413, 422) },
  });

  r.get(
    '/applications/:id/dossier.zip',
    { config: { permission: 'dossier.download' }, schema: schema('下载申报的完整档案 The whole file of an application as one zip') },
    async (req, reply) => send(reply, await applicationDossier(db, requireUser(req), req.params.id, app.clock(), options)),
  );
  r.get(
    '/pilots/:id/dossier.zip',
    { config: { permission: 'dossier.download' }, schema: schema('下载试点的完整档案 The whole file of a pilot as one zip') },
    async (req, reply) => send(reply, await pilotDossier(db, requireUser(req), req.params.id, app.clock(), options)),
  );
}
