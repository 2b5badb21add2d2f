/**
 * The ministry review through the HTTP layer on both databases: proposal, panel confirmation with
 * conflict checks, declarations, hidden scores, aggregation, departmental opinions, re-scoring,
 * decisions and the pilot with its approval reply.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../../src/shared/review/rubric.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { receivedApplication as takeToReceived } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedExperts, TEST_EXPERTS } from '../helpers/seed-experts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const future = () => new Date(Date.now() + 7 * 86400_000).toISOString();
const sheet = (base: number, opinion = 'recommend') => ({
  scores: Object.fromEntries(DEFAULT_RUBRIC.criteria.map((c) => [c.key, base])),
  opinion,
  comments: '方案目标量化可考核，任务路径清晰。',
});

describe.each(dbKinds())('ministry review on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  let expertIds: Map<string, string>;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    expertIds = await seedExperts(t.database.db);
    for (const u of ['hangzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', ...TEST_EXPERTS.map((e) => e.username)]) {
      c[u] = await login(t.app, u, PASSWORD);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An application from 杭州 (or 武汉) taken to "received". */
  function receivedApplication(city: 'hangzhou' | 'wuhan' = 'hangzhou') {
    const hz = city === 'hangzhou';
    return takeToReceived(
      { city: c[city]!, province: c[hz ? 'zhejiang' : 'hubei']!, ministry: c.guihuasi! },
      { code: hz ? '330100' : '420100', applicant: hz ? '杭州市人民政府' : '武汉市人民政府', title: `${city} 实施方案` },
    );
  }

  it('proposes optimal panels without conflicts and explains every exclusion', async () => {
    const { id } = await receivedApplication();
    expect((await c.hangzhou!.request('POST', '/api/v1/review/proposals', { applicationIds: [id], panelSize: 3 })).statusCode).toBe(403);
    expect((await c.zhuangbeisi!.request('POST', '/api/v1/review/proposals', { applicationIds: [id], panelSize: 3 })).statusCode).toBe(403);
    const res = await c.guihuasi!.request('POST', '/api/v1/review/proposals', { applicationIds: [id], panelSize: 3, backups: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const proposal = res.json();
    expect(proposal.feasible).toBe(true);
    const panel = proposal.panels[0];
    expect(panel.members).toHaveLength(3);
    expect(panel.backups).toHaveLength(1);
    const chosen = [...panel.members, ...panel.backups].map((m: { expertId: string }) => m.expertId);
    expect(chosen).not.toContain(expertIds.get('exp-zj'));
    expect(chosen).not.toContain(expertIds.get('exp-rel'));
    const excluded = proposal.exclusions.filter((x: { applicationId: string }) => x.applicationId === id);
    expect(excluded.find((x: { expertId: string }) => x.expertId === expertIds.get('exp-zj')).rules).toContain('SAME_PROVINCE');
    expect(excluded.find((x: { expertId: string }) => x.expertId === expertIds.get('exp-rel')).rules).toContain('DECLARED_RELATION');
    expect(panel.members[0].reasons.length).toBeGreaterThan(0);
    // Optimal: the three cheapest-matching experts are the ones covering two key industries each.
    expect(panel.members.map((m: { cost: number }) => m.cost).sort()).toEqual([2, 2, 2]);
    // Not received yet → refused.
    const draft = (await c.wuhan!.request('POST', '/api/v1/applications', { title: 'x', applicationYear: 2016, plan: makeCompletePlan({ cover: { cityCodes: ['420100'] } }) })).json().id;
    expect((await c.guihuasi!.request('POST', '/api/v1/review/proposals', { applicationIds: [draft], panelSize: 3 })).statusCode).toBe(404);
  });

  it('runs the whole review: panel, declarations, hidden scores, opinions, aggregate, approval and pilot', async () => {
    const { id, version } = await receivedApplication();
    const members = ['exp-bj', 'exp-hrb', 'exp-wh'].map((u) => expertIds.get(u)!);
    // A conflicted expert cannot be seated, even by hand.
    const conflicted = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/panel`, { version, deadline: future(), members: [...members.slice(0, 2), expertIds.get('exp-zj')], backups: [] });
    expect(conflicted.statusCode).toBe(422);
    expect(conflicted.json().error.code).toBe('CONFLICT_OF_INTEREST');
    expect(conflicted.json().error.details.conflicts[0].rule).toBe('SAME_PROVINCE');
    const past = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/panel`, { version, deadline: '2016-01-01', members, backups: [] });
    expect(past.statusCode).toBe(422);
    expect((await c.zhejiang!.request('POST', `/api/v1/applications/${id}/panel`, { version, deadline: future(), members, backups: [] })).statusCode).toBe(403);

    const confirmed = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/panel`, { version, deadline: future(), members, backups: [expertIds.get('exp-sh')] });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('under_review');
    const panelId = confirmed.json().panelId as string;

    // The expert sees the assignment; the plan opens only after the declaration.
    const list = await c['exp-bj']!.request('GET', '/api/v1/review/assignments');
    expect(list.json().items.map((a: { panelId: string }) => a.panelId)).toContain(panelId);
    const before = await c['exp-bj']!.request('GET', `/api/v1/review/assignments/${panelId}`);
    expect(before.json().plan).toBeNull();
    // What the expert may do with the seat comes with it, in the list and the detail alike.
    expect(before.json().abilities).toEqual(['declare', 'recuse']);
    expect(list.json().items.find((a: { panelId: string }) => a.panelId === panelId).abilities).toEqual(['declare', 'recuse']);
    const early = await c['exp-bj']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(80));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DECLARATION_REQUIRED');
    // Experts not on the panel, and other roles, are kept out.
    expect((await c['exp-gz']!.request('GET', `/api/v1/review/assignments/${panelId}`)).statusCode).toBe(404);
    expect((await c['exp-gz']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(80))).statusCode).toBe(404);
    expect((await c.hangzhou!.request('GET', `/api/v1/review/assignments/${panelId}`)).statusCode).toBe(403);
    expect((await c.hangzhou!.request('GET', `/api/v1/applications/${id}/review`)).statusCode).toBe(403);
    expect((await c.zhejiang!.request('GET', `/api/v1/applications/${id}/review`)).statusCode).toBe(403);
    // The backup cannot score.
    await c['exp-sh']!.request('POST', `/api/v1/review/assignments/${panelId}/declare`, { noConflict: true });
    expect((await c['exp-sh']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(80))).statusCode).toBe(403);
    expect((await c['exp-sh']!.request('GET', `/api/v1/review/assignments/${panelId}`)).json().abilities).toEqual(['recuse']);

    for (const u of ['exp-bj', 'exp-hrb', 'exp-wh']) {
      const d = await c[u]!.request('POST', `/api/v1/review/assignments/${panelId}/declare`, { noConflict: true });
      expect(d.statusCode, d.body).toBe(200);
    }
    const after = await c['exp-bj']!.request('GET', `/api/v1/review/assignments/${panelId}`);
    expect(after.json().plan.cover.cityCodes).toEqual(['330100']);
    expect(after.json().abilities).toEqual(['recuse', 'score']);

    // Scores are hidden until one's own are in.
    const hidden = await c['exp-bj']!.request('GET', `/api/v1/review/assignments/${panelId}/scores`);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().error.code).toBe('SCORES_HIDDEN');
    const invalid = await c['exp-bj']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, { ...sheet(80), scores: { compliance: 120 } });
    expect(invalid.statusCode).toBe(422);
    expect((await c['exp-bj']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(90))).statusCode).toBe(200);
    expect((await c['exp-bj']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(91))).json().error.code).toBe('ALREADY_SUBMITTED');
    const visible = await c['exp-bj']!.request('GET', `/api/v1/review/assignments/${panelId}/scores`);
    expect(visible.statusCode).toBe(200);
    expect(visible.json().sheets).toHaveLength(1);
    const scoredSeat = (await c['exp-bj']!.request('GET', `/api/v1/review/assignments/${panelId}`)).json();
    expect(scoredSeat.abilities).toEqual(['recuse', 'viewScores']);
    expect(scoredSeat.seat).toMatchObject({ submitted: true, overdue: false });

    // The ministry's roles get their own abilities on the review: approval waits for the other members.
    const planning = (await c.guihuasi!.request('GET', `/api/v1/applications/${id}/review`)).json();
    expect(planning.abilities).toEqual(['rescore', 'discuss', 'decide', 'exportScores']);
    expect(planning.outstanding).toHaveLength(2);
    const department = (await c.zhuangbeisi!.request('GET', `/api/v1/applications/${id}/review`)).json();
    expect(department.abilities).toEqual(['opinion', 'discuss', 'exportScores']);
    // Only the planning department may seat the backup.
    const backupOf = (o: { members: { expertId: string; abilities: string[] }[] }) => o.members.find((m) => m.expertId === expertIds.get('exp-sh'))!.abilities;
    expect(backupOf(planning)).toEqual(['promote']);
    expect(backupOf(department)).toEqual([]);
    expect(planning.members.find((m: { expertId: string }) => m.expertId === expertIds.get('exp-bj')).abilities).toEqual([]);
    expect(typeof planning.panel.deadline).toBe('string');

    // Approval waits for every member.
    let state = (await c.guihuasi!.request('GET', `/api/v1/applications/${id}`)).json().application;
    const tooEarly = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/decision`, { version: state.version, decision: 'approve', documentNo: '工信部规函〔2016〕901号', approvalDate: '2016-09-01' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('SCORES_INCOMPLETE');

    await c['exp-hrb']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(60, 'recommend_after_revision'));
    await c['exp-wh']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(85));

    // The department gives its opinion in parallel; the city cannot.
    expect((await c.zhuangbeisi!.request('POST', `/api/v1/applications/${id}/opinions`, { stance: 'support', opinion: '同意，建议加强智能制造。' })).statusCode).toBe(200);
    expect((await c.hangzhou!.request('POST', `/api/v1/applications/${id}/opinions`, { stance: 'support', opinion: 'x' })).statusCode).toBe(403);

    const overview = (await c.guihuasi!.request('GET', `/api/v1/applications/${id}/review`)).json();
    expect(overview.aggregate.n).toBe(3);
    expect(overview.aggregate.total.mean).toBeCloseTo((90 + 60 + 85) / 3, 6);
    expect(overview.aggregate.total.median).toBe(85);
    expect(overview.aggregate.divergence.divergent).toBe(true); // spread 30 > 20
    expect(overview.opinions[0]).toMatchObject({ stance: 'support' });
    expect(overview.outstanding).toEqual([]);
    expect(overview.abilities).toEqual(['rescore', 'discuss', 'approve', 'decide', 'exportScores']);

    // Divergence: the department asks for a re-score; everyone scores again.
    expect((await c.guihuasi!.request('POST', `/api/v1/applications/${id}/rescore`, { reason: '专家评分分歧较大，请讨论后重新评分。' })).json().round).toBe(2);
    expect((await c['exp-hrb']!.request('POST', `/api/v1/applications/${id}/comments`, { body: '同意重新评估目标可考核性。' })).statusCode).toBe(200);
    expect((await c['exp-gz']!.request('POST', `/api/v1/applications/${id}/comments`, { body: '不在评审组' })).statusCode).toBe(404);
    for (const [u, s] of [['exp-bj', 86], ['exp-hrb', 78], ['exp-wh', 84]] as const) {
      expect((await c[u]!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(s))).statusCode).toBe(200);
    }
    const round2 = (await c.guihuasi!.request('GET', `/api/v1/applications/${id}/review`)).json();
    expect(round2.panel.scoreRound).toBe(2);
    expect(round2.aggregate.divergence.divergent).toBe(false);
    expect(round2.comments.length).toBe(2);

    // Decision: approve → the pilot with its three years and frozen targets.
    state = (await c.guihuasi!.request('GET', `/api/v1/applications/${id}`)).json().application;
    const badNo = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/decision`, { version: state.version, decision: 'approve', documentNo: '随便一个号', approvalDate: '2016-09-01' });
    expect(badNo.statusCode).toBe(422);
    expect((await c.zhuangbeisi!.request('POST', `/api/v1/applications/${id}/decision`, { version: state.version, decision: 'reject', reasons: 'x' })).statusCode).toBe(403);
    const approved = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/decision`, { version: state.version, decision: 'approve', documentNo: '工信部规函〔2016〕901号', approvalDate: '2016-09-01' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    const pilotId = approved.json().pilotId as string;
    const again = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/decision`, { version: approved.json().version, decision: 'reject', reasons: 'x' });
    expect(again.statusCode).toBe(409);

    const pilot = (await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}`)).json();
    expect(pilot).toMatchObject({ documentNo: '工信部规函〔2016〕901号', periodStartYear: 2017, periodEndYear: 2019 });
    expect(pilot.targets).toEqual(makeCompletePlan().targets);
    expect((await c.wuhan!.request('GET', `/api/v1/pilots/${pilotId}`)).statusCode).toBe(404);
    expect((await c.hubei!.request('GET', `/api/v1/pilots/${pilotId}`)).statusCode).toBe(404);
    expect((await c.zhejiang!.request('GET', `/api/v1/pilots/${pilotId}`)).statusCode).toBe(200);
    expect((await c.expert!.request('GET', '/api/v1/pilots')).statusCode).toBe(403);

    // Filed with the leading group: the observer reads the approved plan, read-only.
    const observed = await c.lingdao!.request('GET', `/api/v1/applications/${id}`);
    expect(observed.statusCode).toBe(200);
    expect(observed.json().allowedActions).toEqual([]);
    expect((await c.lingdao!.request('GET', '/api/v1/pilots')).json().items.map((p: { id: string }) => p.id)).toContain(pilotId);

    // The approval reply as Word and PDF.
    const docx = await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/approval.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('工信部规函〔2016〕901号');
    expect(xml).toContain('批复');
    const pdf = await c.lingdao!.request('GET', `/api/v1/pilots/${pilotId}/approval.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const history = (await c.guihuasi!.request('GET', `/api/v1/applications/${id}/history`)).json().items.map((e: { action: string }) => e.action);
    expect(history).toEqual(expect.arrayContaining(['open_review', 'declare_no_conflict', 'score', 'department_opinion', 'rescore', 'approve']));
  });

  it('lets an expert recuse, and returns or rejects one application at a time', async () => {
    const a = await receivedApplication('wuhan');
    // 张教授 is from 武汉: excluded by the rules.
    const members = ['exp-bj', 'exp-hrb', 'exp-sh'].map((u) => expertIds.get(u)!);
    const confirmed = await c.guihuasi!.request('POST', `/api/v1/applications/${a.id}/panel`, { version: a.version, deadline: future(), members, backups: [expertIds.get('exp-gz')] });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const panelId = confirmed.json().panelId;
    const rec = await c['exp-sh']!.request('POST', `/api/v1/review/assignments/${panelId}/recuse`, { reason: '曾为该市提供咨询服务' });
    expect(rec.statusCode).toBe(200);
    expect((await c['exp-sh']!.request('POST', `/api/v1/review/assignments/${panelId}/declare`, { noConflict: true })).json().error.code).toBe('RECUSED');
    // A member cannot be "promoted"; the backup can, and then scores like any member.
    expect((await c.guihuasi!.request('POST', `/api/v1/applications/${a.id}/panel/promote`, { expertId: expertIds.get('exp-bj') })).statusCode).toBe(404);
    expect((await c.wuhan!.request('POST', `/api/v1/applications/${a.id}/panel/promote`, { expertId: expertIds.get('exp-gz') })).statusCode).toBe(403);
    const promoted = await c.guihuasi!.request('POST', `/api/v1/applications/${a.id}/panel/promote`, { expertId: expertIds.get('exp-gz') });
    expect(promoted.statusCode, promoted.body).toBe(200);
    await c['exp-gz']!.request('POST', `/api/v1/review/assignments/${panelId}/declare`, { noConflict: true });
    const scored = await c['exp-gz']!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, sheet(70));
    expect(scored.statusCode, scored.body).toBe(200);
    const detail = (await c['exp-gz']!.request('GET', `/api/v1/review/assignments/${panelId}`)).json();
    expect(detail.mySheet.total).toBeCloseTo(70, 6);
    expect(Array.isArray(detail.comments)).toBe(true);

    const state = (await c.guihuasi!.request('GET', `/api/v1/applications/${a.id}`)).json().application;
    const back = await c.guihuasi!.request('POST', `/api/v1/applications/${a.id}/decision`, { version: state.version, decision: 'send_back', reasons: '请细化两化融合目标的考核方法。' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().status).toBe('returned');
    // The city revises and resubmits: it passes the province again.
    const resubmit = await c.wuhan!.request('POST', `/api/v1/applications/${a.id}/submit`, { version: back.json().version });
    expect(resubmit.statusCode).toBe(200);
    expect((await c.hubei!.request('GET', '/api/v1/applications?queue=true')).json().items.map((i: { id: string }) => i.id)).toContain(a.id);

    const b = await receivedApplication('wuhan');
    const rejected = await c.guihuasi!.request('POST', `/api/v1/applications/${b.id}/decision`, { version: b.version, decision: 'reject', reasons: '制造业基础条件不符合选择标准。' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    const noReasons = await c.guihuasi!.request('POST', `/api/v1/applications/${b.id}/decision`, { version: rejected.json().version, decision: 'reject', reasons: '' });
    expect(noReasons.statusCode).toBe(422);
  });
});
