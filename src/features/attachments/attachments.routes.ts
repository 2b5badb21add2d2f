/**
 * Attachments: stored outside the web root under their SHA-256, type checked by bytes, size-limited,
 * and served back only as downloads with headers that stop the browser from sniffing or running them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../server/app-error.js';
import { errorResponses } from '../../server/openapi.js';
import { isEditable } from '../../shared/lifecycle/application-lifecycle.js';
import { insertEvent } from '../applications/applications.queries.js';
import { loadVisible } from '../applications/applications.service.js';
import { requireUser } from '../auth/session-plugin.js';
import { getAttachment, insertAttachment } from './attachments.queries.js';
import { checkFile, safeFilename } from './file-type.js';

export interface AttachmentOptions {
  db: Db;
  uploadDir: string;
  maxBytes: number;
}

function blobPath(uploadDir: string, sha256: string) {
  return join(uploadDir, sha256.slice(0, 2), sha256);
}

export async function attachmentRoutes(app: FastifyInstance, opts: AttachmentOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, uploadDir, maxBytes } = opts;

  r.post(
    '/applications/:id/attachments',
    {
      config: { permission: 'attachment.upload' },
      schema: {
        tags: ['attachments'],
        summary: '上传附件（PDF、Word、Excel、图片）Upload an attachment (multipart field "file")',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.uuid() }),
        response: {
          201: z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), size: z.number(), sha256: z.string() }),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const application = await loadVisible(db, user, req.params.id);
      if (!isEditable(application.status)) throw new AppError('INVALID_TRANSITION');
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST');
      const buf = await file.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the limit
      if (file.file.truncated || buf.length > maxBytes) throw new AppError('FILE_TOO_LARGE');
      const filename = safeFilename(file.filename);
      const check = checkFile(filename, buf.subarray(0, 4096));
      if (!check.ok) throw new AppError(check.reason);
      const sha256 = createHash('sha256').update(buf).digest('hex');
      const path = blobPath(uploadDir, sha256);
      await mkdir(join(uploadDir, sha256.slice(0, 2)), { recursive: true });
      const exists = await stat(path).then(() => true, () => false);
      if (!exists) {
        const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, buf, { mode: 0o640 });
        await rename(tmp, path);
      }
      const id = await insertAttachment(db, { applicationId: application.id, sha256, filename, mimeType: check.mimeType, size: buf.length, uploadedBy: user.id });
      await insertEvent(db, { applicationId: application.id, actorId: user.id, action: 'attach', data: { filename, size: buf.length, sha256 } });
      return reply.status(201).send({ id, filename, mimeType: check.mimeType, size: buf.length, sha256 });
    },
  );

  r.get(
    '/attachments/:attachmentId',
    {
      config: { permission: 'attachment.read' },
      schema: {
        tags: ['attachments'],
        summary: '下载附件 Download an attachment',
        params: z.object({ attachmentId: z.uuid() }),
        response: { 200: z.any().describe('The file'), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const att = await getAttachment(db, req.params.attachmentId);
      if (!att) throw new AppError('NOT_FOUND');
      await loadVisible(db, user, att.applicationId);
      const ascii = att.filename.replace(/[^\x20-\x7e]/g, '_');
      reply
        .header('content-type', att.mimeType)
        .header('content-length', att.size)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(att.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store');
      return reply.send(createReadStream(blobPath(uploadDir, att.sha256)));
    },
  );
}
