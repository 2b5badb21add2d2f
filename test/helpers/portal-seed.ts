/**
 * Seeds for the public portal's tests: the accounts, pilots (杭州, 武汉, 湖州), 杭州's 2017 report
 * confirmed with given figures, notices and cases in the states the tests ask for.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { publicNotices, users } from '../../src/db/schema.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from './seed-accounts.js';
import { seedPilot } from './seed-pilots.js';
import { login, type Client } from './test-app.js';
import type { FastifyInstance } from 'fastify';

export const TARGETS = makeCompletePlan().targets;

export interface PortalWorld {
  c: Record<string, Client>;
  pilots: { hangzhou: string; wuhan: string; huzhou: string };
  ministryId: string;
}

export async function seedPortalWorld(app: FastifyInstance, db: Db): Promise<PortalWorld> {
  await seedAccounts(db);
  const c: Record<string, Client> = {};
  for (const u of ['hangzhou', 'huzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'admin']) c[u] = await login(app, u, PASSWORD);
  const hangzhou = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕901号' });
  const wuhan = await seedPilot(db, { city: c.wuhan!, province: c.hubei!, ministry: c.guihuasi! }, { code: '420100', applicant: '武汉市人民政府', documentNo: '工信部规函〔2016〕902号' });
  const huzhou = await seedPilot(db, { city: c.huzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330500', applicant: '湖州市人民政府', documentNo: '工信部规函〔2016〕903号' });
  const [m] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
  return { c, pilots: { hangzhou, wuhan, huzhou }, ministryId: m!.id };
}

const api = (c: Client, method: string, url: string, body?: unknown) => c.request(method, `/api/v1${url}`, body);

/** A city's report of a period, filled with the figures given (per target, in order), submitted and confirmed by its province. */
export async function confirmReport(city: Client, province: Client, pilotId: string, period: string, actual: (i: number) => number, dataSource = '市统计局'): Promise<void> {
  const reports = (await api(city, 'GET', `/pilots/${pilotId}/reports`)).json().items as { id: string; period: string }[];
  const report = reports.find((r) => r.period === period);
  if (!report) throw new Error(`no report ${period}: ${reports.map((r) => r.period).join(',')}`);
  const values = TARGETS.map((t, i) => ({ targetId: t.id, actual: actual(i), dataSource, note: '', evidenceFileIds: [] }));
  let res = await api(city, 'PUT', `/reports/${report.id}`, { version: 1, values });
  if (res.statusCode !== 200) throw new Error(res.body);
  res = await api(city, 'POST', `/reports/${report.id}/submit`, { version: res.json().version });
  if (res.statusCode !== 200) throw new Error(res.body);
  res = await api(province, 'POST', `/reports/${report.id}/confirm`, { version: res.json().version, opinion: '数据属实' });
  if (res.statusCode !== 200) throw new Error(res.body);
}

const CONTENT = { cityTypes: ['eastern_innovative'], regions: ['east'], industries: ['equipment'], themes: ['smart_manufacturing'] };

export type CaseEnd = 'draft' | 'submitted' | 'under_review' | 'returned' | 'published' | 'unpublished';

/** A city's case of its pilot, taken to the state asked for through the API. */
export async function caseIn(world: PortalWorld, author: string, pilotId: string, end: CaseEnd, text: { title: string; summary: string; body: string }): Promise<string> {
  const { c } = world;
  const made = await api(c[author]!, 'POST', '/cases', { pilotId, ...CONTENT, ...text });
  if (made.statusCode !== 201) throw new Error(made.body);
  const id = made.json().id as string;
  let v = made.json().version as number;
  const step = async (u: string, path: string, comment?: string) => {
    const res = await api(c[u]!, 'POST', `/cases/${id}/${path}`, { version: v, ...(comment ? { comment } : {}) });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.body}`);
    v = res.json().version;
  };
  if (end === 'draft') return id;
  await step(author, 'submit');
  if (end === 'submitted') return id;
  await step('guihuasi', 'start-review');
  if (end === 'under_review') return id;
  if (end === 'returned') {
    await step('guihuasi', 'return', '请补充数据');
    return id;
  }
  await step('guihuasi', 'publish');
  if (end === 'unpublished') await step('guihuasi', 'unpublish', '内容需更新');
  return id;
}

let noticeNo = 0;
export async function insertNotice(db: Db, world: PortalWorld, n: { title: string; body: string; published: boolean; pilotId?: string | null; kind?: string }): Promise<string> {
  const [row] = await db
    .insert(publicNotices)
    .values({
      kind: n.kind ?? 'other',
      pilotId: n.pilotId ?? null,
      documentNo: `工信部规〔2019〕${900 + ++noticeNo}号`,
      title: n.title,
      body: n.body,
      issuedOn: '2019-06-01',
      published: n.published,
      publishedAt: n.published ? new Date('2019-06-01T02:00:00Z') : null,
      createdBy: world.ministryId,
    })
    .returning({ id: publicNotices.id });
  return row!.id;
}

export async function publishPage(world: PortalWorld, pilotId: string, summary: string): Promise<string> {
  const res = await api(world.c.guihuasi!, 'POST', `/portal/pilots/${pilotId}/publications`, { subject: 'plan', summary });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

export async function publishYear(world: PortalWorld, pilotId: string, year: number): Promise<string> {
  const res = await api(world.c.guihuasi!, 'POST', `/portal/pilots/${pilotId}/publications`, { subject: 'attainment', year });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

export async function withdrawPublication(world: PortalWorld, id: string): Promise<void> {
  const res = await api(world.c.guihuasi!, 'POST', `/portal/publications/${id}/withdraw`, {});
  if (res.statusCode !== 200) throw new Error(res.body);
}
