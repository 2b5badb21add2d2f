/**
 * The typical-case library 典型案例 through the API, on PGlite and PostgreSQL: a city writes a case of
 * its pilot citing a target and a confirmed report value, submits it; the planning department
 * reviews, returns, publishes and unpublishes it; a nomination of typical experience becomes a draft;
 * Chinese search by words (two-character words included), exact phrases first, one character by
 * word prefix, a typo by trigram, tag filters, highlights as segments; the case book as Word and PDF;
 * and every route's refusals (401, 403, 404, 409, 422).
 */
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experienceNominations, reportValues, users } from '../../src/db/schema.js';
import { extractPdfText } from '../../src/features/approvals/documents/pdf-text.js';
import { manualClock } from '../../src/kernel/clock.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const TARGETS = makeCompletePlan().targets;

interface Segment {
  text: string;
  hit: boolean;
}
interface Hit {
  id: string;
  title: string;
  titleSegments: Segment[];
  snippet: { segments: Segment[]; before: boolean; after: boolean };
  phraseMatch: boolean;
}

const complete = {
  summary: '总结试点以来的做法，形成可复制可推广的经验。',
  body: '试点以来，全市围绕重点任务形成了一批典型做法。\n经验已在全省推广。',
  cityTypes: ['eastern_innovative'],
  regions: ['east'],
  industries: ['equipment'],
  themes: ['smart_manufacturing'],
};

describe.each(dbKinds())('the case library on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2018-03-01T02:00:00Z'));
  const c: Record<string, Client> = {};
  let pilotId: string; // 杭州
  let wuhanPilotId: string;
  let confirmedValueId: string;
  let unconfirmedValueId: string;

  const req = (u: string, method: string, url: string, body?: unknown) => c[u]!.request(method, `/api/v1${url}`, body);
  const create = async (u: string, body: Record<string, unknown>) => {
    const res = await req(u, 'POST', '/cases', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string };
  };
  const step = async (u: string, id: string, path: string, version: number, comment?: string) => {
    const res = await req(u, 'POST', `/cases/${id}/${path}`, { version, ...(comment === undefined ? {} : { comment }) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { version: number; status: string };
  };
  /** A city case taken to published. */
  const published = async (content: Record<string, unknown>, author = 'hangzhou', pilot = pilotId) => {
    const made = await create(author, { pilotId: pilot, ...complete, ...content });
    let v = (await step(author, made.id, 'submit', made.version)).version;
    v = (await step('guihuasi', made.id, 'start-review', v)).version;
    await step('guihuasi', made.id, 'publish', v);
    return made.id;
  };
  const search = async (u: string, qs: string) => {
    const res = await req(u, 'GET', `/cases?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Hit[]; total: number; mode: string; terms: string[] };
  };

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'huzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'expert', 'lingdao', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    pilotId = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕901号' });
    wuhanPilotId = await seedPilot(db, { city: c.wuhan!, province: c.hubei!, ministry: c.guihuasi! }, { code: '420100', applicant: '武汉市人民政府', documentNo: '工信部规函〔2016〕902号' });

    // 杭州's 2017 report confirmed by 浙江; 武汉's filled in but not submitted.
    const reportOf = async (u: string, pid: string) => ((await req(u, 'GET', `/pilots/${pid}/reports`)).json().items as { id: string; period: string }[]).find((r) => r.period === '2017')!.id;
    const values = TARGETS.map((tg, i) => ({ targetId: tg.id, actual: 10 + i, dataSource: '市统计局', note: '', evidenceFileIds: [] }));
    const hz = await reportOf('hangzhou', pilotId);
    let v = (await req('hangzhou', 'PUT', `/reports/${hz}`, { version: 1, values })).json().version;
    v = (await req('hangzhou', 'POST', `/reports/${hz}/submit`, { version: v })).json().version;
    const confirmed = await req('zhejiang', 'POST', `/reports/${hz}/confirm`, { version: v, opinion: '数据属实' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const valueOf = async (reportId: string) => (await db.select().from(reportValues).where(and(eq(reportValues.reportId, reportId), eq(reportValues.targetId, TARGETS[0]!.id))))[0]!.id;
    confirmedValueId = await valueOf(hz);
    const wh = await reportOf('wuhan', wuhanPilotId);
    expect((await req('wuhan', 'PUT', `/reports/${wh}`, { version: 1, values })).statusCode).toBe(200);
    unconfirmedValueId = await valueOf(wh);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the signed-out with 401 on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/cases'],
      ['POST', '/cases'],
      ['GET', '/cases/pilots'],
      ['GET', `/cases/pilots/${pilotId}/evidence`],
      ['GET', '/cases/nominations'],
      ['POST', `/cases/from-nomination/${NO_SUCH}`],
      ['GET', `/cases/book.docx?ids=${NO_SUCH}`],
      ['GET', `/cases/book.pdf?ids=${NO_SUCH}`],
      ['GET', `/cases/${NO_SUCH}`],
      ['PUT', `/cases/${NO_SUCH}`],
      ...['submit', 'start-review', 'return', 'publish', 'unpublish'].map((p) => ['POST', `/cases/${NO_SUCH}/${p}`] as [string, string]),
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, payload: method === 'GET' ? undefined : { version: 1, title: '案例' } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lets a city write a case of its own pilot only, with known tags and its own confirmed evidence', async () => {
    // 403: roles that do not write cases; the administrators do not read them either (三权分立).
    for (const u of ['zhejiang', 'zhuangbeisi', 'expert', 'lingdao', 'admin']) expect((await req(u, 'POST', '/cases', { pilotId, title: '案例' })).statusCode, u).toBe(403);
    expect((await req('admin', 'GET', '/cases')).statusCode).toBe(403);
    expect((await req('zhejiang', 'GET', '/cases/pilots')).statusCode).toBe(403);
    expect((await req('zhuangbeisi', 'GET', '/cases?scope=mine')).statusCode).toBe(403);
    expect((await req('hangzhou', 'GET', '/cases?scope=review')).statusCode).toBe(403);
    // 404: another city's pilot, a pilot that does not exist.
    expect((await req('wuhan', 'POST', '/cases', { pilotId, title: '借用杭州' })).statusCode).toBe(404);
    expect((await req('wuhan', 'GET', `/cases/pilots/${pilotId}/evidence`)).statusCode).toBe(404);
    expect((await req('hangzhou', 'POST', '/cases', { pilotId: NO_SUCH, title: '无此试点' })).statusCode).toBe(404);
    // 422: malformed, no pilot for a city, unknown tag, another pilot's or an unconfirmed figure, a target not in the contract.
    expect((await req('hangzhou', 'POST', '/cases', { pilotId, title: '' })).statusCode).toBe(422);
    expect((await req('hangzhou', 'POST', '/cases', { pilotId, title: '标签', themes: ['no_such_theme'] })).statusCode).toBe(422);
    const noPilot = await req('hangzhou', 'POST', '/cases', { title: '没有试点' });
    expect(noPilot.statusCode).toBe(422);
    expect(noPilot.json().error.code).toBe('CASE_PILOT_REQUIRED');
    for (const evidence of [[{ kind: 'report_value', reportValueId: unconfirmedValueId }], [{ kind: 'target', targetId: 'no-such-target' }], [{ kind: 'report_value', reportValueId: NO_SUCH }]]) {
      const res = await req('hangzhou', 'POST', '/cases', { pilotId, title: '佐证', evidence });
      expect(res.statusCode, JSON.stringify(evidence)).toBe(422);
      expect(res.json().error.code, res.body).toBe('CASE_EVIDENCE_INVALID');
    }
    const ministryEvidence = await req('guihuasi', 'POST', '/cases', { title: '部里案例', evidence: [{ kind: 'target', targetId: TARGETS[0]!.id }] });
    expect(ministryEvidence.json().error.code, ministryEvidence.body).toBe('CASE_EVIDENCE_INVALID');

    const pilots = (await req('hangzhou', 'GET', '/cases/pilots')).json().items as { id: string }[];
    expect(pilots.map((p) => p.id)).toEqual([pilotId]);
    expect(((await req('guihuasi', 'GET', '/cases/pilots')).json().items as unknown[]).length).toBe(2);
    const options = (await req('hangzhou', 'GET', `/cases/pilots/${pilotId}/evidence`)).json();
    expect(options.regions).toEqual(['east']);
    expect(options.targets.length).toBe(TARGETS.length);
    expect(options.reportValues.length).toBe(TARGETS.length);
    expect(options.reportValues[0]).toMatchObject({ kind: 'report_value', period: '2017' });

    const made = await create('hangzhou', {
      pilotId,
      title: '杭州市工业互联网赋能中小企业',
      evidence: [
        { kind: 'target', targetId: TARGETS[0]!.id },
        { kind: 'report_value', reportValueId: confirmedValueId },
      ],
    });
    expect(made).toMatchObject({ status: 'draft', version: 1, pilotName: expect.any(String), authorKind: 'city', abilities: ['edit', 'submit'] });
    const detail = (await req('hangzhou', 'GET', `/cases/${made.id}`)).json();
    expect(detail.evidence).toEqual([
      expect.objectContaining({ kind: 'target', targetId: TARGETS[0]!.id, indicator: TARGETS[0]!.indicator }),
      expect.objectContaining({ kind: 'report_value', reportValueId: confirmedValueId, actual: 10, period: '2017' }),
    ]);
    // The draft is the city's: nobody else sees it, the ministry not before it is submitted.
    for (const u of ['huzhou', 'wuhan', 'zhejiang', 'guihuasi', 'zhuangbeisi', 'expert']) expect((await req(u, 'GET', `/cases/${made.id}`)).statusCode, u).toBe(404);
    expect((await req('hangzhou', 'GET', `/cases/${NO_SUCH}`)).statusCode).toBe(404);
    expect((await req('hangzhou', 'GET', '/cases/not-a-uuid')).statusCode).toBe(422);
  });

  it('takes a case through the editorial lifecycle with compare-and-set and its own history', async () => {
    const made = await create('hangzhou', { pilotId, title: '杭州市绿色工厂创建' });
    // Incomplete: no summary, body, region, industry or theme.
    const incomplete = await req('hangzhou', 'POST', `/cases/${made.id}/submit`, { version: 1 });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error).toMatchObject({ code: 'CASE_INCOMPLETE', details: { missing: ['summary', 'body', 'regions', 'industries', 'themes'] } });

    const edit = (u: string, version: number, extra: Record<string, unknown> = {}) =>
      req(u, 'PUT', `/cases/${made.id}`, { version, title: '杭州市绿色工厂创建', ...complete, themes: ['green_manufacturing'], ...extra });
    expect((await edit('wuhan', 1)).statusCode).toBe(404);
    expect((await edit('zhejiang', 1)).statusCode).toBe(403);
    const saved = await edit('hangzhou', 1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await edit('hangzhou', 1, { title: '旧稿' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    // City actions only for the author side, editor actions only for the planning department.
    expect((await req('hangzhou', 'POST', `/cases/${made.id}/publish`, { version: 2 })).statusCode).toBe(403);
    expect((await req('wuhan', 'POST', `/cases/${made.id}/submit`, { version: 2 })).statusCode).toBe(404);
    expect((await req('hangzhou', 'POST', `/cases/${made.id}/submit`, { version: 1 })).statusCode).toBe(409);
    let v = (await step('hangzhou', made.id, 'submit', 2)).version;
    expect((await edit('hangzhou', v)).json().error.code).toBe('CASE_NOT_EDITABLE');
    expect((await req('hangzhou', 'POST', `/cases/${made.id}/submit`, { version: v })).json().error.code).toBe('CASE_INVALID_TRANSITION');

    // The queue of the editorial office; the department and the province still see nothing.
    const queue = await search('guihuasi', 'scope=review');
    expect(queue.items.map((i) => i.id)).toContain(made.id);
    expect((await req('guihuasi', 'GET', `/cases/${made.id}`)).json().abilities).toEqual(['startReview', 'return']);
    for (const u of ['zhejiang', 'zhuangbeisi']) expect((await req(u, 'GET', `/cases/${made.id}`)).statusCode, u).toBe(404);
    expect((await req('guihuasi', 'POST', `/cases/${made.id}/publish`, { version: v })).json().error.code).toBe('CASE_INVALID_TRANSITION');

    v = (await step('guihuasi', made.id, 'start-review', v)).version;
    const noReason = await req('guihuasi', 'POST', `/cases/${made.id}/return`, { version: v, comment: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe('CASE_COMMENT_REQUIRED');
    const returned = await step('guihuasi', made.id, 'return', v, '请补充节能降耗的量化成效');
    expect(returned).toMatchObject({ status: 'returned', reviewComment: '请补充节能降耗的量化成效' });
    v = (await edit('hangzhou', returned.version, { body: '全市创建国家级绿色工厂15家，单位工业增加值能耗下降16%。' })).json().version;
    v = (await step('hangzhou', made.id, 'submit', v)).version;
    v = (await step('guihuasi', made.id, 'start-review', v)).version;
    const pub = await step('guihuasi', made.id, 'publish', v);
    expect(pub).toMatchObject({ status: 'published', publishedAt: expect.any(String), reviewComment: null });
    v = pub.version;

    // Published: every role that reads the library sees it, read-only.
    for (const u of ['huzhou', 'wuhan', 'zhejiang', 'zhuangbeisi', 'expert', 'lingdao']) {
      const res = await req(u, 'GET', `/cases/${made.id}`);
      expect(res.statusCode, u).toBe(200);
      expect(res.json().abilities, u).toEqual([]);
      // Readers see the case, not its editorial history.
      expect(res.json().history, u).toEqual([]);
    }
    expect((await req('hangzhou', 'GET', `/cases/${made.id}`)).json().abilities).toEqual([]);
    expect((await req('guihuasi', 'GET', `/cases/${made.id}`)).json().abilities).toEqual(['unpublish']);

    expect((await req('guihuasi', 'POST', `/cases/${made.id}/unpublish`, { version: v })).json().error.code).toBe('CASE_COMMENT_REQUIRED');
    const un = await step('guihuasi', made.id, 'unpublish', v, '数据口径需与统计部门核实');
    expect(un.status).toBe('unpublished');
    expect((await req('wuhan', 'GET', `/cases/${made.id}`)).statusCode).toBe(404);
    expect((await req('hangzhou', 'GET', `/cases/${made.id}`)).json().abilities).toEqual(['edit', 'submit']);

    const history = (await req('hangzhou', 'GET', `/cases/${made.id}`)).json().history as { action: string; fromState: string | null; toState: string; comment: string | null; by: string }[];
    expect(history.map((h) => h.action)).toEqual(['create', 'edit', 'submit', 'start_review', 'return', 'edit', 'submit', 'start_review', 'publish', 'unpublish']);
    expect(history[4]).toMatchObject({ fromState: 'under_review', toState: 'returned', comment: '请补充节能降耗的量化成效', by: '工信部规划司用户' });
    expect(history[9]).toMatchObject({ fromState: 'published', toState: 'unpublished', comment: '数据口径需与统计部门核实' });

    // The author's own list shows every state; a ministry case is the planning department's own.
    expect((await search('hangzhou', 'scope=mine')).items.map((i) => i.id)).toContain(made.id);
    expect((await search('huzhou', 'scope=mine')).items).toEqual([]);
    const own = await create('guihuasi', { title: '部级政策协同案例' });
    expect(own).toMatchObject({ authorKind: 'ministry', pilotId: null, abilities: ['edit', 'submit'] });
    expect((await search('guihuasi', 'scope=mine')).items.map((i) => i.id)).toEqual([own.id]);
    expect((await req('hangzhou', 'GET', `/cases/${own.id}`)).statusCode).toBe(404);
  });

  it('makes a draft case from a nomination of typical experience, once', async () => {
    const db = t.database.db;
    const [city] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'hangzhou'));
    const [n] = await db
      .insert(experienceNominations)
      .values({ pilotId, title: '杭州“亩均论英雄”改革', summary: '以亩均效益评价引导资源要素向优质企业集聚。', body: '建立企业亩均效益综合评价体系，实行差别化用地、用电、用水政策。', createdBy: city!.id })
      .returning({ id: experienceNominations.id });
    const listed = (await req('hangzhou', 'GET', '/cases/nominations')).json().items as { id: string; caseId: string | null; canCreateCase: boolean }[];
    expect(listed).toEqual([expect.objectContaining({ id: n!.id, caseId: null, canCreateCase: true })]);
    expect((await req('wuhan', 'GET', '/cases/nominations')).json().items).toEqual([]);
    expect((await req('zhejiang', 'GET', '/cases/nominations')).statusCode).toBe(403);

    expect((await req('wuhan', 'POST', `/cases/from-nomination/${n!.id}`)).statusCode).toBe(404);
    expect((await req('guihuasi', 'POST', `/cases/from-nomination/${n!.id}`)).statusCode).toBe(403);
    expect((await req('hangzhou', 'POST', `/cases/from-nomination/${NO_SUCH}`)).statusCode).toBe(404);
    expect((await req('hangzhou', 'POST', '/cases/from-nomination/nope')).statusCode).toBe(422);
    const made = await req('hangzhou', 'POST', `/cases/from-nomination/${n!.id}`);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ status: 'draft', nominationId: n!.id, title: '杭州“亩均论英雄”改革', regions: ['east'], pilotId });
    expect(made.json().history[0]).toMatchObject({ action: 'create_from_nomination', toState: 'draft' });
    const again = await req('hangzhou', 'POST', `/cases/from-nomination/${n!.id}`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CASE_NOMINATION_TAKEN');
    expect(((await req('hangzhou', 'GET', '/cases/nominations')).json().items as { caseId: string }[])[0]!.caseId).toBe(made.json().id);
  });

  describe('search', () => {
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      ids.smart = await published({ title: '宁波市智能制造示范工厂建设', summary: '以智能制造为主攻方向，推进机器换人和数字化车间。' });
      ids.green = await published({ title: '绿色制造体系建设经验', summary: '创建绿色工厂和绿色园区，推行清洁生产。', body: '单位工业增加值能耗持续下降。', themes: ['green_manufacturing'], industries: ['steel'] });
      ids.talent = await published({ title: '引进高精尖缺人才的做法', summary: '建设技能人才培训基地，深化产教融合。', themes: ['talent'] });
      // Both hold 工业互联网 and 平台; only "phrase" has them together, and only in its body, while
      // "words" has both words in its title, which weighs more in ts_rank.
      ids.phrase = await published({ title: '企业上云行动', summary: '推动中小企业上云用云。', body: '建设工业互联网平台，服务中小企业。', themes: ['internet_plus'] });
      ids.words = await published({ title: '平台经济赋能工业互联网', summary: '平台企业带动工业互联网发展。', body: '汇聚平台资源。', themes: ['internet_plus'] }, 'wuhan', wuhanPilotId);
      // A draft holding the same words is found by nobody's library search.
      await create('hangzhou', { pilotId, title: '智能制造草稿', ...complete });
    });

    it('finds cases by Chinese words, two-character words included, with matches as segments', async () => {
      const smart = await search('zhejiang', `q=${encodeURIComponent('智能')}`);
      expect(smart.mode).toBe('words');
      expect(smart.terms).toEqual(['智能']);
      expect(smart.items.map((i) => i.id)).toEqual([ids.smart]);
      const hit = smart.items[0]!;
      expect(hit.titleSegments.map((s) => s.text).join('')).toBe('宁波市智能制造示范工厂建设');
      expect(hit.titleSegments.filter((s) => s.hit).map((s) => s.text)).toEqual(['智能']);
      expect(hit.snippet.segments.some((s) => s.hit && s.text.includes('智能'))).toBe(true);

      const green = await search('expert', `q=${encodeURIComponent('绿色')}`);
      expect(green.items.map((i) => i.id)).toEqual([ids.green]);
      expect(green.items[0]!.titleSegments).toEqual([
        { text: '绿色', hit: true },
        { text: '制造体系建设经验', hit: false },
      ]);
      // Words, not substrings: 制造 is a word of both; 造体 is no word of any.
      expect((await search('zhejiang', `q=${encodeURIComponent('制造')}`)).items.map((i) => i.id).sort()).toEqual([ids.smart, ids.green].sort());
      expect((await search('zhejiang', `q=${encodeURIComponent('造体系建')}`)).mode).toBe('fuzzy');
      // Several words: each must be a word of the case.
      expect((await search('zhejiang', `q=${encodeURIComponent('绿色 能耗')}`)).items.map((i) => i.id)).toEqual([ids.green]);
      expect((await search('zhejiang', `q=${encodeURIComponent('人才培训')}`)).items.map((i) => i.id)).toEqual([ids.talent]);
    });

    it('ranks exact phrase matches first, then by ts_rank', async () => {
      const phrase = await search('zhejiang', `q=${encodeURIComponent('工业互联网平台')}`);
      expect(phrase.items.map((i) => i.id)).toEqual([ids.phrase, ids.words]);
      expect(phrase.items.map((i) => i.phraseMatch)).toEqual([true, false]);
      expect(phrase.items[0]!.snippet.segments.filter((s) => s.hit).map((s) => s.text)).toContain('工业互联网平台');
      // Without the phrase the title's weight decides.
      const words = await search('zhejiang', `q=${encodeURIComponent('平台 工业互联网')}`);
      expect(words.items.map((i) => i.id)).toEqual([ids.words, ids.phrase]);
    });

    it('finds a one-character query by word prefix and a typo by trigram', async () => {
      const one = await search('zhejiang', `q=${encodeURIComponent('智')}`);
      expect(one.mode).toBe('short');
      expect(one.total, JSON.stringify(one)).toBe(1);
      expect(one.items.map((i) => i.id)).toEqual([ids.smart]);
      expect(one.items[0]!.titleSegments.filter((s) => s.hit).map((s) => s.text)).toEqual(['智']);
      expect((await search('zhejiang', `q=${encodeURIComponent('绿')}`)).items.map((i) => i.id)).toEqual([ids.green]);
      const typo = await search('zhejiang', `q=${encodeURIComponent('智能制照')}`);
      expect(typo.mode).toBe('fuzzy');
      expect(typo.total, JSON.stringify(typo.terms)).toBe(1);
      expect(typo.items.map((i) => i.id)).toEqual([ids.smart]);
    });

    it('filters by tags and shows only published cases in the library', async () => {
      const internet = await search('hubei', 'themes=internet_plus');
      expect(internet.items.map((i) => i.id).sort()).toEqual([ids.phrase, ids.words].sort());
      expect((await search('hubei', 'themes=green_manufacturing,talent')).items.map((i) => i.id).sort()).toEqual([ids.green, ids.talent].sort());
      expect((await search('hubei', 'industries=steel&themes=green_manufacturing')).items.map((i) => i.id)).toEqual([ids.green]);
      expect((await search('hubei', `q=${encodeURIComponent('制造')}&industries=steel`)).items.map((i) => i.id)).toEqual([ids.green]);
      expect((await search('hubei', 'regions=central')).items).toEqual([]);
      const all = await search('hangzhou', 'pageSize=100');
      expect(all.mode).toBe('all');
      expect(all.items.every((i) => (i as unknown as { status: string }).status === 'published')).toBe(true);
      expect(all.total).toBe(5);
      const paged = await search('hangzhou', 'pageSize=2&page=2');
      expect(paged.items.length).toBe(2);
      expect(paged.total).toBe(5);
      const bad = await req('hangzhou', 'GET', '/cases?themes=no_such');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.code).toBe('CASE_TAG_UNKNOWN');
      expect((await req('hangzhou', 'GET', '/cases?themes=Bad-Code')).statusCode).toBe(422);
      expect((await req('hangzhou', 'GET', `/cases?q=${'长'.repeat(101)}`)).statusCode).toBe(422);
    });

    it('assembles a case book of published cases as Word and PDF', async () => {
      const ids2 = `${ids.smart},${ids.green}`;
      const docx = await req('lingdao', 'GET', `/cases/book.docx?ids=${ids2}`);
      expect(docx.statusCode, docx.body).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain('宁波市智能制造示范工厂建设');
      expect(xml).toContain('绿色制造体系建设经验');
      expect(xml.indexOf('宁波市智能制造示范工厂建设')).toBeLessThan(xml.indexOf('绿色制造体系建设经验'));

      const pdf = await req('zhejiang', 'GET', `/cases/book.pdf?ids=${ids2}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = extractPdfText(pdf.rawPayload).pages.join('\n');
      expect(text).toContain('宁波市智能制造示范工厂建设');
      expect(text).toContain('典型案例汇编');
      expect(text).toContain('— 1 —');

      const draft = (await search('hangzhou', 'scope=mine&pageSize=100')).items.find((i) => (i as unknown as { status: string }).status === 'draft')!;
      const unpublished = await req('hangzhou', 'GET', `/cases/book.pdf?ids=${ids.smart},${draft.id}`);
      expect(unpublished.statusCode).toBe(422);
      expect(unpublished.json().error.code).toBe('CASE_NOT_PUBLISHED');
      expect((await req('wuhan', 'GET', `/cases/book.docx?ids=${draft.id}`)).statusCode).toBe(404);
      expect((await req('wuhan', 'GET', `/cases/book.docx?ids=${NO_SUCH}`)).statusCode).toBe(404);
      expect((await req('wuhan', 'GET', '/cases/book.docx?ids=')).statusCode).toBe(422);
      expect((await req('admin', 'GET', `/cases/book.docx?ids=${ids.smart}`)).statusCode).toBe(403);
    });
  });
});
