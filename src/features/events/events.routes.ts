/**
 * Events 活动 and action items 督办事项: thin routes. The permission is coarse here; scope, state and
 * the compare-and-set are the service's. The date comes from the app's clock.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { sendBlob, storeBlob } from '../../kernel/blob-store.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { checkUpload, KIND_MIME, safeFilename } from '../../shared/files/file-type.js';
import * as c from './events.contract.js';
import { actionItemsWorkbook, renderMinutesDocx } from './events.documents.js';
import * as svc from './events.service.js';

const TAGS = ['events'];
const STORED_TYPES = [...new Set(Object.values(KIND_MIME))];
const ok = <T>(schema: T, ...refusals: number[]) => ({ 200: schema, ...errorResponses(...refusals) });
const created = <T>(schema: T, ...refusals: number[]) => ({ 201: schema, ...errorResponses(...refusals) });

export interface EventRouteOptions {
  db: Db;
  uploadDir: string;
  maxBytes: number;
}

function download(reply: FastifyReply, filename: string, ascii: string, type: string, buffer: Buffer) {
  return reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`).type(type).send(buffer);
}

export async function eventRoutes(app: FastifyInstance, opts: EventRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, uploadDir, maxBytes } = opts;
  const read = { permission: 'event.read' as const };
  const manage = { permission: 'event.manage' as const };
  const act = { permission: 'event_action.update' as const };
  const step = [401, 403, 404, 409, 422];

  r.get(
    '/events',
    { config: read, schema: { tags: TAGS, summary: '活动列表（现场会、交流会、培训、年度会议）Events in my scope', querystring: c.eventListQuery, response: ok(c.eventListSchema, 401, 403) } },
    async (req) => svc.listEvents(db, requireUser(req), req.query, req.server.clock()),
  );

  r.post(
    '/events',
    { config: manage, schema: { tags: TAGS, summary: '新建活动 Plan an event', body: c.eventBody, response: created(c.eventSchema, 401, 403, 422) } },
    async (req, reply) => reply.status(201).send(await svc.createEvent(db, requireUser(req), req.body, req.server.clock())),
  );

  r.get(
    '/events/owner-options',
    { config: manage, schema: { tags: TAGS, summary: '可选承办单位、省级主管部门和试点 Owners, authorities and pilots to choose from', response: ok(c.ownerOptionsSchema, 401, 403) } },
    async (req) => svc.ownerOptions(db, requireUser(req)),
  );

  r.get(
    '/events/:id',
    { config: read, schema: { tags: TAGS, summary: '活动详情 One event: agenda, participants, materials, minutes, action items', params: c.eventParams, response: ok(c.eventSchema, 401, 403, 404) } },
    async (req) => svc.getEventDetail(db, requireUser(req), req.params.id, req.server.clock()),
  );

  r.put(
    '/events/:id',
    { config: manage, schema: { tags: TAGS, summary: '修改活动（乐观锁）Edit an event (optimistic lock)', params: c.eventParams, body: c.eventUpdateBody, response: ok(c.eventSchema, ...step) } },
    async (req) => svc.updateEvent(db, requireUser(req), req.params.id, req.body, req.server.clock()),
  );

  r.put(
    '/events/:id/minutes',
    { config: manage, schema: { tags: TAGS, summary: '保存会议纪要 Save the minutes', params: c.eventParams, body: c.minutesBody, response: ok(c.eventSchema, ...step) } },
    async (req) => svc.saveMinutes(db, requireUser(req), req.params.id, req.body, req.server.clock()),
  );

  r.post(
    '/events/:id/transitions',
    {
      config: manage,
      schema: { tags: TAGS, summary: '活动状态变更（召开、印发纪要、撤回纪要、取消）Hold, publish or withdraw the minutes, cancel', params: c.eventParams, body: c.transitionBody, response: ok(c.eventSchema, ...step) },
    },
    async (req) => svc.transitionEvent(db, requireUser(req), req.params.id, req.body, req.server.clock()),
  );

  r.get(
    '/events/:id/minutes.docx',
    { config: read, schema: { tags: TAGS, summary: '会议纪要（Word）The minutes as Word', params: c.eventParams, response: { 200: fileResponse('会议纪要.docx', MEDIA.docx), ...errorResponses(401, 403, 404) } } },
    async (req, reply) => {
      const ev = await svc.minutesFor(db, requireUser(req), req.params.id, req.server.clock());
      return download(reply as FastifyReply, `${ev.title}纪要.docx`, `minutes-${ev.startsOn}.docx`, MEDIA.docx, await renderMinutesDocx(ev));
    },
  );

  r.post(
    '/events/:id/materials',
    {
      config: manage,
      schema: {
        tags: TAGS,
        summary: '上传会议材料 Upload a material (multipart field "file")',
        consumes: ['multipart/form-data'],
        params: c.eventParams,
        response: created(c.materialSchema, 400, 401, 403, 404, 409, 413, 415),
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      // Refuse before reading the upload: a file for an event one may not change is never stored.
      await svc.materialTarget(db, user, req.params.id);
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST');
      const buf = await file.toBuffer();
      if (file.file.truncated || buf.length > maxBytes) throw new AppError('FILE_TOO_LARGE');
      const filename = safeFilename(file.filename);
      const check = checkUpload(filename, buf);
      if (!check.ok) throw new AppError(check.reason);
      const sha256 = await storeBlob(uploadDir, buf);
      return reply.status(201).send(await svc.recordMaterial(db, user, req.params.id, { sha256, filename, mimeType: check.mimeType, size: buf.length }, req.server.clock()));
    },
  );

  r.get(
    '/events/:id/materials/:materialId',
    { config: read, schema: { tags: TAGS, summary: '下载会议材料 Download a material', params: c.materialParams, response: { 200: fileResponse('会议材料', ...STORED_TYPES), ...errorResponses(401, 403, 404) } } },
    async (req, reply) => sendBlob(reply, uploadDir, await svc.materialFile(db, requireUser(req), req.params.id, req.params.materialId)),
  );

  r.delete(
    '/events/:id/materials/:materialId',
    { config: manage, schema: { tags: TAGS, summary: '删除会议材料 Remove a material', params: c.materialParams, response: ok(c.eventSchema, 401, 403, 404, 409) } },
    async (req) => svc.removeMaterial(db, requireUser(req), req.params.id, req.params.materialId, req.server.clock()),
  );

  r.post(
    '/events/:id/action-items',
    { config: manage, schema: { tags: TAGS, summary: '新增督办事项 Add an action item', params: c.eventParams, body: c.actionItemBody, response: created(c.actionItemSchema, ...step) } },
    async (req, reply) => reply.status(201).send(await svc.createItem(db, requireUser(req), req.params.id, req.body, req.server.clock())),
  );

  r.get(
    '/action-items',
    { config: read, schema: { tags: TAGS, summary: '督办事项（本单位或全部可见）Action items: mine, or all I may see', querystring: c.actionListQuery, response: ok(c.actionListSchema, 401, 403) } },
    async (req) => svc.listItems(db, requireUser(req), req.query, req.server.clock()),
  );

  r.get(
    '/action-items/export.xlsx',
    {
      config: read,
      schema: { tags: TAGS, summary: '导出督办事项（Excel）Export the action items as Excel', querystring: c.actionListQuery, response: { 200: fileResponse('督办事项.xlsx', MEDIA.xlsx), ...errorResponses(401, 403) } },
    },
    async (req, reply) => {
      const { items } = await svc.listItems(db, requireUser(req), req.query, req.server.clock());
      return download(reply as FastifyReply, '督办事项.xlsx', 'action-items.xlsx', MEDIA.xlsx, await actionItemsWorkbook(items));
    },
  );

  r.get(
    '/action-items/:itemId',
    { config: read, schema: { tags: TAGS, summary: '督办事项详情 One action item with its updates log', params: c.itemParams, response: ok(c.actionItemSchema, 401, 403, 404) } },
    async (req) => svc.getItemDetail(db, requireUser(req), req.params.itemId, req.server.clock()),
  );

  r.put(
    '/action-items/:itemId',
    {
      config: manage,
      schema: { tags: TAGS, summary: '修改或改派督办事项（乐观锁）Edit or reassign an action item', params: c.itemParams, body: c.actionItemEditBody, response: ok(c.actionItemSchema, ...step) },
    },
    async (req) => svc.editItem(db, requireUser(req), req.params.itemId, req.body, req.server.clock()),
  );

  r.post(
    '/action-items/:itemId/updates',
    { config: act, schema: { tags: TAGS, summary: '报送办理进展 Log progress', params: c.itemParams, body: c.actionUpdateBody, response: ok(c.actionItemSchema, ...step) } },
    async (req) => svc.addItemUpdate(db, requireUser(req), req.params.itemId, req.body, req.server.clock()),
  );

  r.post(
    '/action-items/:itemId/close',
    { config: act, schema: { tags: TAGS, summary: '办结（须填写办结说明）Close with a closing note', params: c.itemParams, body: c.actionCloseBody, response: ok(c.actionItemSchema, ...step) } },
    async (req) => svc.closeItem(db, requireUser(req), req.params.itemId, req.body, req.server.clock()),
  );

  r.post(
    '/action-items/:itemId/reopen',
    { config: manage, schema: { tags: TAGS, summary: '重新打开督办事项 Reopen an action item', params: c.itemParams, body: c.actionReopenBody, response: ok(c.actionItemSchema, ...step) } },
    async (req) => svc.reopenItem(db, requireUser(req), req.params.itemId, req.body, req.server.clock()),
  );
}
