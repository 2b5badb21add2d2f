/**
 * The objects the route table's requests are about, and who sends them. The demo data (seeded at a
 * fixed instant) gives pilots in each part of their three years with their reports, evaluations,
 * rectification cases, notices, cases, amendments, consulting requests and resources; on top of it
 * the fixture files applications of 宁波 (own scope) and 武汉 (other scope) in every state it walks,
 * and uploads a file wherever a route serves one.
 *
 * Scope: "own" is 宁波's object (the city 宁波, its 计划单列市 authority), "other" is an object of a
 * city in another province (沈阳 in 辽宁, or 武汉 in 湖北 for applications). Where 宁波 has no such object
 * (rectification cases), the kind names its own actors (吴忠 and 宁夏; other: 包头).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../../src/db/client.js';
import { manualClock } from '../../../src/kernel/clock.js';
import { DEMO_PASSWORD, seedDemoData } from '../../../src/server/demo/seed-demo.js';
import { ROLES, type Role } from '../../../src/shared/roles/roles.js';
import { FULL_CHECKLIST } from '../../helpers/journey.js';
import { login, makeTestApp, type Client, type TestApp } from '../../helpers/test-app.js';
import { makeCompletePlan } from '../../fixtures/plans.js';
import { APPLICATION_STATES, type ApplicationState } from './types.js';
import type { DbKind } from '../../../src/db/client.js';

/** Mid-June 2026: the mid-term round runs, 宁波 is in its third year (as in test/api/demo-data.test.ts). */
export const FIXTURE_NOW = new Date('2026-06-15T04:00:00Z');

/** The account of each role that sends the table's requests. */
export const ACTORS: Record<Role, string> = {
  city_applicant: 'ningbo',
  provincial_authority: 'ningbo-sj',
  ministry_planning: 'guihuasi',
  ministry_department: 'zhuangbeisi',
  expert: 'expert',
  leading_group_observer: 'lingdao',
  platform_admin: 'admin',
  security_admin: 'anquan',
  audit_admin: 'shenji',
};

export type Scope = 'own' | 'other';
export type ObjectKind =
  | 'application'
  | 'applicationVersion'
  | 'attachment'
  | 'pilot'
  | 'pilotFile'
  | 'nomination'
  | 'report'
  | 'reportFile'
  | 'rectification'
  | 'rectificationFile'
  | 'evaluation'
  | 'case'
  | 'notice'
  | 'amendment'
  | 'consulting'
  | 'resource'
  | 'authority'
  | 'provincialFile'
  | 'expert'
  | 'panel'
  | 'user'
  | 'session'
  | 'notification'
  | 'deadLetter'
  | 'division'
  | 'event'
  | 'eventMaterial'
  | 'actionItem'
  | 'publication';

/** Kinds whose own scope belongs to other accounts than ACTORS (role → username). */
export const KIND_ACTORS: Partial<Record<ObjectKind, Partial<Record<Role, string>>>> = {
  rectification: { city_applicant: 'wuzhong', provincial_authority: 'ningxia' },
  rectificationFile: { city_applicant: 'wuzhong', provincial_authority: 'ningxia' },
  amendment: { city_applicant: 'changsha', provincial_authority: 'hunan' },
};

export interface Fixtures {
  t: TestApp;
  /** username → signed-in client */
  clients: Map<string, Client>;
  /** kind → scope → id (applications: per state) */
  ids: Record<ObjectKind, Record<Scope, string>>;
  applications: Record<ApplicationState, Record<Scope, string>>;
  /** An organisation nobody of the table belongs to (苏州), for new accounts. */
  organisationId: string;
  /** A small workbook (one empty sheet), for the import routes. */
  xlsx: Buffer;
  /** A plan version of each of those applications. */
  versions: Record<ApplicationState, Record<Scope, string>>;
  close(): Promise<void>;
}

export function actorOf(role: Role, kind: ObjectKind | null): string {
  return (kind && KIND_ACTORS[kind]?.[role]) ?? ACTORS[role];
}

type Row = Record<string, unknown>;
async function rows(db: Db, query: string): Promise<Row[]> {
  const r = (await db.execute(sql.raw(query))) as unknown as { rows?: Row[] } | Row[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}
async function one(db: Db, query: string): Promise<string> {
  const r = await rows(db, query);
  const v = r[0] && Object.values(r[0])[0];
  if (typeof v !== 'string') throw new Error(`route-table fixture: nothing for ${query}`);
  return v;
}
async function oneOr(db: Db, query: string): Promise<string> {
  const r = await rows(db, query);
  const v = r[0] && Object.values(r[0])[0];
  return typeof v === 'string' ? v : randomUUID();
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream', field = 'file') {
  const boundary = '----micRouteTableBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a PDF and returns the id the answer names, or a fresh uuid when the upload is refused. */
async function upload(c: Client, url: string): Promise<string> {
  const m = multipart('证明材料.pdf', PDF, 'application/pdf');
  const res = await c.request('POST', url, m.body, m.headers);
  if (res.statusCode >= 300) return randomUUID();
  const body = res.json() as { id?: string; file?: { id?: string }; fileId?: string };
  return body.id ?? body.file?.id ?? body.fileId ?? randomUUID();
}

async function application(c: { city: Client; province: Client; ministry: Client }, code: string, applicant: string, state: ApplicationState): Promise<string> {
  const plan = makeCompletePlan({ cover: { cityCodes: [code], applicant } });
  const created = await c.city.request('POST', '/api/v1/applications', { title: `${applicant} ${state}`, applicationYear: 2025, plan });
  if (created.statusCode !== 201) throw new Error(`route-table fixture: ${created.body}`);
  const id = created.json().id as string;
  if (state === 'draft') return id;
  let v = (await c.city.request('POST', `/api/v1/applications/${id}/submit`, { version: 1 })).json().version as number;
  if (state === 'submitted') return id;
  if (state === 'returned') {
    await c.province.request('POST', `/api/v1/applications/${id}/return`, { version: v, reasons: '请修改' });
    return id;
  }
  v = (await c.province.request('POST', `/api/v1/applications/${id}/forward`, { version: v, checklist: FULL_CHECKLIST, opinion: '同意', opinionDate: '2025-08-01' })).json().version;
  if (state === 'received') await c.ministry.request('POST', `/api/v1/applications/${id}/receive`, { version: v, printedCopies: 'received', discs: 'received', formalCheckPassed: true });
  return id;
}

export async function makeFixtures(kind: DbKind): Promise<Fixtures> {
  const t = await makeTestApp(kind, {}, { clock: manualClock(FIXTURE_NOW) });
  const db = t.database.db;
  await seedDemoData(db, FIXTURE_NOW);
  const clients = new Map<string, Client>();
  const usernames = new Set([...Object.values(ACTORS), ...Object.values(KIND_ACTORS).flatMap((a) => Object.values(a ?? {})), 'wuhan', 'hubei', 'shenyang', 'baotou', 'liaoning']);
  for (const u of usernames) clients.set(u, await login(t.app, u, DEMO_PASSWORD));
  const c = (u: string) => clients.get(u)!;

  const applications = {} as Record<ApplicationState, Record<Scope, string>>;
  for (const state of APPLICATION_STATES) {
    applications[state] = {
      own: await application({ city: c('ningbo'), province: c('ningbo-sj'), ministry: c('guihuasi') }, '330200', '宁波市人民政府', state),
      other: await application({ city: c('wuhan'), province: c('hubei'), ministry: c('guihuasi') }, '420100', '武汉市人民政府', state),
    };
  }
  const pilot = (name: string) => `(select id from pilots where name = '${name}')`;
  const NB = pilot('宁波市人民政府');
  const SY = pilot('沈阳市人民政府');
  const WZ = pilot('吴忠市人民政府');
  const BT = pilot('包头市人民政府');
  const both = async (own: string, other: string, lenient = false) => ({
    own: lenient ? await oneOr(db, own) : await one(db, own),
    other: lenient ? await oneOr(db, other) : await one(db, other),
  });
  const ids = {} as Record<ObjectKind, Record<Scope, string>>;
  ids.application = applications.draft;
  ids.pilot = await both(`select id from pilots where id = ${NB}`, `select id from pilots where id = ${SY}`);
  ids.report = await both(`select id from progress_reports where pilot_id = ${NB} order by due_date desc`, `select id from progress_reports where pilot_id = ${SY} order by due_date desc`);
  ids.rectification = await both(`select id from rectification_cases where pilot_id = ${WZ}`, `select id from rectification_cases where pilot_id = ${BT}`);
  ids.evaluation = await both(`select id from evaluations where pilot_id = ${NB}`, `select id from evaluations where pilot_id = ${SY}`);
  // Own: a published case 宁波 wrote; other: a case of another city still under the ministry's review.
  ids.case = await both(`select id from cases where pilot_id = ${NB} and author_kind = 'city' order by id`, `select id from cases where pilot_id = ${SY} and status = 'under_review'`);
  ids.notice = await both(`select id from public_notices`, `select id from public_notices`);
  // The demo's one amendment is 长株潭衡's (its actors: KIND_ACTORS); there is none of another province.
  ids.amendment = await both(`select id from amendments where pilot_id = ${pilot('长株潭衡')}`, `select id from amendments where pilot_id <> ${pilot('长株潭衡')}`, true);
  ids.consulting = await both(`select id from consulting_requests where pilot_id = ${NB}`, `select id from consulting_requests where pilot_id <> ${NB}`, true);
  ids.resource = await both(`select id from policy_resources where pilot_id = ${NB}`, `select id from policy_resources where pilot_id <> ${NB}`, true);
  ids.nomination = await both(`select id from experience_nominations where pilot_id = ${NB}`, `select id from experience_nominations where pilot_id <> ${NB}`, true);
  ids.authority = { own: '330200', other: '210000' };
  ids.division = { own: '330200', other: '210100' };
  ids.expert = await both(`select id from experts order by name`, `select id from experts order by name desc`);
  ids.panel = await both(
    `select p.id from panels p join panel_members m on m.panel_id = p.id join experts e on e.id = m.expert_id join users u on u.id = e.user_id where u.username = 'expert'`,
    `select p.id from panels p where not exists (select 1 from panel_members m join experts e on e.id = m.expert_id join users u on u.id = e.user_id where m.panel_id = p.id and u.username = 'expert')`,
    true,
  );
  // Accounts nobody of the table signs in with, so that revoking their sessions ends none of ours.
  ids.user = await both(`select id from users where username = 'suzhou'`, `select id from users where username = 'henan'`);
  ids.session = { own: randomBytes(32).toString('hex'), other: await one(db, `select s.id from sessions s join users u on u.id = s.user_id where u.username = 'wuhan'`) };
  // Notices in the app are per user: own is one of the expert's, other one of a colleague's.
  ids.notification = await both(
    `select n.id from notifications n join users u on u.id = n.user_id where u.username = 'expert'`,
    `select n.id from notifications n join users u on u.id = n.user_id where u.username like 'expert-%'`,
  );
  ids.deadLetter = { own: randomUUID(), other: randomUUID() };
  const versions = {} as Record<ApplicationState, Record<Scope, string>>;
  for (const state of APPLICATION_STATES) {
    versions[state] = await both(`select id from plan_versions where application_id = '${applications[state].own}'`, `select id from plan_versions where application_id = '${applications[state].other}'`);
  }
  ids.applicationVersion = versions.draft;
  ids.attachment = {
    own: await upload(c('ningbo'), `/api/v1/applications/${applications.draft.own}/attachments`),
    other: await upload(c('wuhan'), `/api/v1/applications/${applications.draft.other}/attachments`),
  };
  ids.pilotFile = { own: await upload(c('ningbo'), `/api/v1/pilots/${ids.pilot.own}/summary/files`), other: await upload(c('shenyang'), `/api/v1/pilots/${ids.pilot.other}/summary/files`) };
  ids.reportFile = { own: await upload(c('ningbo'), `/api/v1/reports/${ids.report.own}/evidence`), other: await upload(c('shenyang'), `/api/v1/reports/${ids.report.other}/evidence`) };
  ids.rectificationFile = {
    own: await upload(c('wuzhong'), `/api/v1/rectifications/${ids.rectification.own}/evidence`),
    other: await upload(c('baotou'), `/api/v1/rectifications/${ids.rectification.other}/evidence`),
  };
  ids.provincialFile = { own: await upload(c('ningbo-sj'), `/api/v1/provinces/330200/files?purpose=policy`), other: await upload(c('liaoning'), `/api/v1/provinces/210000/files?purpose=policy`) };
  // Events: own concerns 宁波 (its authority, its pilot, its organisation taking part), other concerns
  // only 沈阳; each has a material and an open action item its city's organisation owns.
  const orgOf = (u: string) => one(db, `select organisation_id from users where username = '${u}'`);
  const event = async (authority: string, pilotId: string, city: string) => {
    const res = await c('guihuasi').request('POST', '/api/v1/events', {
      kind: 'exchange_meeting',
      title: `路由表测试交流会（${authority}）`,
      startsOn: '2026-06-10',
      endsOn: '2026-06-10',
      place: '北京',
      hostOrganisation: '工业和信息化部规划司',
      national: false,
      authorityIds: [authority],
      pilotIds: [pilotId],
      participants: [{ organisationId: await orgOf(city), name: city, person: '', role: 'attendee', attendance: 'invited' }],
    });
    if (res.statusCode !== 201) throw new Error(`route-table fixture: event ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  ids.event = { own: await event('330200', ids.pilot.own, 'ningbo'), other: await event('210000', ids.pilot.other, 'shenyang') };
  ids.eventMaterial = {
    own: await upload(c('guihuasi'), `/api/v1/events/${ids.event.own}/materials`),
    other: await upload(c('guihuasi'), `/api/v1/events/${ids.event.other}/materials`),
  };
  const item = async (eventId: string, city: string) => {
    const res = await c('guihuasi').request('POST', `/api/v1/events/${eventId}/action-items`, { title: '路由表测试督办事项', ownerOrganisationId: await orgOf(city), deadline: '2026-09-30' });
    if (res.statusCode !== 201) throw new Error(`route-table fixture: action item ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  ids.actionItem = { own: await item(ids.event.own, 'ningbo'), other: await item(ids.event.other, 'shenyang') };
  // Both events are then held and their minutes published, so that every reader may fetch them.
  for (const id of [ids.event.own, ids.event.other]) {
    const step = async (method: 'POST' | 'PUT', url: string, body: Record<string, unknown>) => {
      const version = ((await c('guihuasi').request('GET', `/api/v1/events/${id}`)).json() as { version: number }).version;
      const res = await c('guihuasi').request(method, url, { ...body, version });
      if (res.statusCode !== 200) throw new Error(`route-table fixture: event step ${url} ${res.body}`);
    };
    await step('POST', `/api/v1/events/${id}/transitions`, { action: 'hold' });
    await step('PUT', `/api/v1/events/${id}/minutes`, { minutes: '会议议定：按期报送进度报告。' });
    await step('POST', `/api/v1/events/${id}/transitions`, { action: 'publishMinutes' });
  }
  // Publications on the public portal: 宁波's page (demo data) and one of 沈阳's published here.
  const published = await c('guihuasi').request('POST', `/api/v1/portal/pilots/${ids.pilot.other}/publications`, { subject: 'plan', summary: '沈阳市实施方案摘要（路由表测试）' });
  if (published.statusCode !== 201) throw new Error(`route-table fixture: publication ${published.body}`);
  ids.publication = {
    own: await one(db, `select id from portal_publications where pilot_id = ${NB} and subject = 'plan' and withdrawn_at is null`),
    other: (published.json() as { id: string }).id,
  };
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('数据').getCell('A1').value = '示例';
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const organisationId = await one(db, `select organisation_id from users where username = 'suzhou'`);
  return { t, clients, ids, applications, versions, xlsx, organisationId, close: () => t.close() };
}

/** Which kind of object a path parameter names, from the path around it. */
export function kindOfParam(path: string, param: string): ObjectKind {
  if (param === 'attachmentId') return 'attachment';
  if (param === 'versionId') return 'applicationVersion';
  if (param === 'panelId') return 'panel';
  if (param === 'nominationId') return 'nomination';
  if (param === 'requestId') return 'consulting';
  if (param === 'resourceId') return 'resource';
  if (param === 'authorityId') return 'authority';
  if (param === 'sessionId') return 'session';
  if (param === 'code') return 'division';
  if (param === 'materialId') return 'eventMaterial';
  if (param === 'itemId') return 'actionItem';
  if (param === 'fileId') {
    if (path.includes('/provincial-files/')) return 'provincialFile';
    if (path.includes('/reports/')) return 'reportFile';
    if (path.includes('/rectifications/')) return 'rectificationFile';
    return 'pilotFile';
  }
  const m = /\/api\/v1\/(.+?)\/\{id\}/.exec(path);
  const prefix = m?.[1] ?? '';
  const table: Record<string, ObjectKind> = {
    applications: 'application',
    pilots: 'pilot',
    'cases/pilots': 'pilot',
    reports: 'report',
    rectifications: 'rectification',
    evaluations: 'evaluation',
    cases: 'case',
    notices: 'notice',
    amendments: 'amendment',
    notifications: 'notification',
    experts: 'expert',
    'admin/users': 'user',
    'admin/jobs/dead-letter': 'deadLetter',
    events: 'event',
    'portal/pilots': 'pilot',
    'portal/publications': 'publication',
  };
  const kind = table[prefix];
  if (!kind) throw new Error(`route table: no fixture for {${param}} in ${path}`);
  return kind;
}

/** The main object kind of a path (the one whose scope the request is in), or null for none. */
export function mainKind(path: string): ObjectKind | null {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (params.length === 0) return null;
  // The file of an object is in the object's scope; a path's last parameter names the most specific object.
  return kindOfParam(path, params[params.length - 1]!);
}

export { ROLES };
