/**
 * Attachments: stored outside the web root under their SHA-256, type checked by bytes, size-limited,
 * and served back only as downloads with headers that stop the browser from sniffing or running them.
 */
import { sendBlob, storeBlob } from '../../kernel/blob-store.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses, fileResponse } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { checkUpload, KIND_MIME, safeFilename } from '../../shared/files/file-type.js';
import { decideAttachmentRead, decideAttachmentUpload, type AttachmentDecision } from '../../shared/permissions/attachment-scope.js';
import { applicationScope, insertEvent } from '../applications/public.js';
import { downloadParams, uploadedAttachmentSchema, uploadParams } from './attachments.contract.js';
import { getAttachment, insertAttachment } from './attachments.queries.js';

export interface AttachmentOptions {
  db: Db;
  uploadDir: string;
  maxBytes: number;
}

function enforce(decision: AttachmentDecision) {
  if (!decision.ok) throw new AppError(decision.reason);
}

/** Every type an attachment may be stored as (the bytes decide it on upload). */
const STORED_TYPES = [...new Set(Object.values(KIND_MIME))];



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
        params: uploadParams,
        response: { 201: uploadedAttachmentSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const application = await applicationScope(db, req.params.id);
      if (!application) throw new AppError('NOT_FOUND');
      enforce(decideAttachmentUpload(user, application.scope));
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST');
      const buf = await file.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the limit
      if (file.file.truncated || buf.length > maxBytes) throw new AppError('FILE_TOO_LARGE');
      const filename = safeFilename(file.filename);
      const check = checkUpload(filename, buf);
      if (!check.ok) throw new AppError(check.reason);
      const sha256 = await storeBlob(uploadDir, buf);
      // The row and its history event together: a crash between them must not leave one without the other.
      const id = await db.transaction(async (tx) => {
        const attachmentId = await insertAttachment(tx, { applicationId: application.id, sha256, filename, mimeType: check.mimeType, size: buf.length, uploadedBy: user.id });
        await insertEvent(tx, { applicationId: application.id, actorId: user.id, action: 'attach', data: { filename, size: buf.length, sha256 } });
        return attachmentId;
      });
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
        params: downloadParams,
        response: { 200: fileResponse('附件 The file, with the type it was stored as', ...STORED_TYPES), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const att = await getAttachment(db, req.params.attachmentId);
      if (!att) throw new AppError('NOT_FOUND');
      const application = await applicationScope(db, att.applicationId);
      if (!application) throw new AppError('NOT_FOUND');
      enforce(decideAttachmentRead(user, application.scope));
      return sendBlob(reply, uploadDir, att);
    },
  );
}
