/**
 * The demo programme's story (演示数据), told through the same services the API calls, each step at
 * the instant it happened (demo-timeline.ts). Every date is placed relative to the seed's `now`, so
 * the data is as current on any day as on the day it was written:
 *
 * - 宁波, the first pilot: approved three years back, two yearly reports confirmed by the province
 *   (indicators on track, at risk and off track), its mid-term evaluation passed a year ago, policy
 *   funds and a consulting service recorded, the 计划单列市 authority's work plan and policy on file;
 * - 沈阳 and 吴忠, approved two years back, in this year's mid-term evaluation round: 吴忠's evaluation
 *   was graded 不合格 two months ago and its rectification case waits for the city's answer; 沈阳's
 *   panel is scoring, and the demo expert 林国栋 has still to score;
 * - 包头: failed its mid-term evaluation, failed the re-assessment of its rectification, was
 *   suspended and then cancelled with a public notice (通报) a few weeks to a year ago;
 * - 长株潭: approved one to two years back; 衡阳 joined through an amendment (长株潭 → 长株潭衡), as in
 *   the real programme;
 * - this round's applications: 武汉 under review (林国栋 still to declare and score), 泉州 in the
 *   ministry's inbox, 湖州 with its province, 郑洛新 returned for revision, 苏南五市 a draft.
 *
 * Reporting: each running pilot has delivered every yearly report whose period ended more than 45
 * days before `now` (so nothing is more than about two weeks overdue), and its phases follow the
 * default calendar (mid-term in the second half of year two).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evaluationRounds, evaluations as evaluationRows } from '../../db/schema.js';
import { createApplication, savePlan, transition } from '../../features/applications/applications.service.js';
import * as amendments from '../../features/amendments/amendments.service.js';
import { matchExperts, recordService, requestConsulting } from '../../features/consulting/consulting.service.js';
import * as evaluations from '../../features/evaluations/evaluations.service.js';
import { confirmPanel, declareNoConflict, decide, giveDepartmentOpinion, submitScores } from '../../features/ministry-review/review.service.js';
import { contractInForce } from '../../features/pilots/public.js';
import { requestTransition } from '../../features/pilots/pilots.service.js';
import { recordResource } from '../../features/policy-resources/policy-resources.service.js';
import { confirmReport, pilotReports, saveReport, submitReport } from '../../features/progress-reports/progress-reports.service.js';
import { addPolicy, saveWorkPlan } from '../../features/provincial-work/provincial-work.service.js';
import { getPilotRow } from '../../features/rectifications/public.js';
import * as rectifications from '../../features/rectifications/rectifications.service.js';
import { PROVINCIAL_CHECKLIST } from '../../shared/lifecycle/provincial-checklist.js';
import { deriveIndicator, requiredIn, type Indicator } from '../../shared/monitoring/indicators.js';
import type { Plan } from '../../shared/plan/plan-schema.js';
import { DEFAULT_RUBRIC } from '../../shared/review/rubric.js';
import type { Actor } from '../../shared/roles/roles.js';
import { buildCityPlan } from './city-plan.js';
import { DEMO_CITIES, type DemoCityKey } from './demo-cities.js';
import { chinaDay, chinaInstant, chinaYear, DAY, daysBefore, latestYearWith, type DemoTimeline } from './demo-timeline.js';

export interface StoryCast {
  db: Db;
  now: Date;
  /** The actor of a demo account. */
  who: (username: string) => Actor;
  /** A demo expert by name: the pool's id and the expert's own account (opened when first needed). */
  expert: (name: string) => Promise<{ expertId: string; actor: Actor }>;
  /** An expert's account by the pool id (the solver seats experts by id). */
  expertById: (expertId: string) => Promise<Actor>;
}

/** How a city performs against its required path: progress per target (1 = exactly on the path). */
type Performance = { default: number } & Partial<Record<string, number>>;

const CHECKLIST = Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true]));

const todayOf = (now: Date) => ({ date: chinaDay(now), now });

function scoreSheet(base: number, opinion: 'recommend' | 'recommend_after_revision', comments: string) {
  return { scores: Object.fromEntries(DEFAULT_RUBRIC.criteria.map((c, i) => [c.key, base + ((i * 3) % 7)])), opinion, comments };
}

const at = (y: number, m: number, d: number, h = 10) => chinaInstant(y, m, d, h);

/** The reported value that puts an indicator at `progress` of its required value (inverse of attainment's progress). */
function actualFor(ind: Indicator, year: number, progress: number): number | null {
  const required = requiredIn(ind, year);
  if (required === null) return null;
  const s = ind.direction === 'higher' ? 1 : -1;
  const b = ind.baseline;
  let v: number;
  if (b !== null && s * (required - b) > 0) v = b + progress * (required - b);
  else if (s * required > 0) v = progress * required;
  else if (s * required < 0) v = required / progress;
  else v = required;
  const integral = ind.measure === 'cumulative_count' || ind.measure === 'per_year_count';
  return integral ? Math.round(v) : Math.round(v * 100) / 100;
}

export function tellStory(t: DemoTimeline, cast: StoryCast): void {
  const { db, now, who } = cast;
  const guihuasi = () => who('guihuasi');

  // -------------------------------------------------------------------------------------------
  // Building blocks

  interface AppRef {
    id: string;
    version: number;
    panelId?: string;
    pilotId?: string;
    plan: Plan;
  }

  interface Journey {
    city: DemoCityKey;
    account: string;
    province: string;
    title: string;
    created: Date;
    submitted?: Date;
    forwarded?: { at: Date; opinion: string };
    returned?: { at: Date; reasons: string };
    received?: Date;
    panel?: { at: Date; deadline: Date; members: string[]; backups?: string[]; scores: { name: string; at: Date; base: number; opinion?: 'recommend' | 'recommend_after_revision' }[] };
    departmentOpinion?: { at: Date; opinion: string };
    approved?: { at: Date; documentNo: string };
    revised?: Date;
    complete?: boolean;
  }

  function journey(j: Journey): AppRef {
    const data = DEMO_CITIES[j.city];
    const filed = j.submitted ? new Date(j.submitted.getTime() - 3 * DAY) : j.created;
    const applicationYear = chinaYear(filed);
    const ref: AppRef = {
      id: '',
      version: 1,
      plan: buildCityPlan(data, { applicationYear, title: j.title, filingDate: chinaDay(filed), complete: j.complete }),
    };
    t.add(j.created, `${j.city}: create the application`, async () => {
      ref.id = await createApplication(db, who(j.account), { title: j.title, applicationYear, plan: ref.plan }, { isDemo: true });
    });
    if (j.submitted) {
      const s = j.submitted;
      t.add(s, `${j.city}: submit`, async (n) => {
        ref.version = (await transition(db, who(j.account), ref.id, { action: 'submit', version: ref.version }, n)).version;
      });
    }
    if (j.returned) {
      const r = j.returned;
      t.add(r.at, `${j.city}: the province returns it`, async (n) => {
        ref.version = (await transition(db, who(j.province), ref.id, { action: 'return', version: ref.version, reasons: r.reasons }, n)).version;
      });
    }
    if (j.forwarded) {
      const f = j.forwarded;
      t.add(f.at, `${j.city}: the province forwards it`, async (n) => {
        ref.version = (await transition(db, who(j.province), ref.id, { action: 'forward', version: ref.version, checklist: CHECKLIST, opinion: f.opinion, opinionDate: chinaDay(n) }, n)).version;
      });
    }
    if (j.received) {
      t.add(j.received, `${j.city}: the ministry receives it`, async (n) => {
        ref.version = (
          await transition(db, guihuasi(), ref.id, { action: 'receive', version: ref.version, printedCopies: 'received', discs: 'waived', formalCheckPassed: true, note: '纸质材料一式三份已收到,光盘以平台电子版替代。' }, n)
        ).version;
      });
    }
    if (j.panel) {
      const p = j.panel;
      t.add(p.at, `${j.city}: confirm the review panel`, async (n) => {
        const members: string[] = [];
        for (const m of p.members) members.push((await cast.expert(m)).expertId);
        const backups: string[] = [];
        for (const m of p.backups ?? []) backups.push((await cast.expert(m)).expertId);
        const r = await confirmPanel(db, guihuasi(), ref.id, { version: ref.version, deadline: p.deadline.toISOString(), members, backups }, n);
        ref.panelId = r.panelId;
        ref.version = r.version;
      });
      for (const s of p.scores) {
        t.add(s.at, `${j.city}: ${s.name} declares and scores`, async () => {
          const e = await cast.expert(s.name);
          await declareNoConflict(db, e.actor, ref.panelId!);
          await submitScores(db, e.actor, ref.panelId!, scoreSheet(s.base, s.opinion ?? 'recommend', `${data.name}实施方案目标体系较完整、量化可考核,重点任务和路径清晰;建议进一步细化年度分解和考核办法。`));
        });
      }
    }
    if (j.departmentOpinion) {
      const o = j.departmentOpinion;
      t.add(o.at, `${j.city}: departmental opinion`, async () => {
        await giveDepartmentOpinion(db, who('zhuangbeisi'), ref.id, { stance: 'support', opinion: o.opinion });
      });
    }
    if (j.approved) {
      const a = j.approved;
      t.add(a.at, `${j.city}: approve (批复)`, async (n) => {
        const r = await decide(db, guihuasi(), ref.id, { version: ref.version, decision: 'approve', documentNo: a.documentNo, approvalDate: chinaDay(n) });
        ref.version = r.version;
        ref.pilotId = r.pilotId!;
      });
    }
    if (j.revised) {
      t.add(j.revised, `${j.city}: save a revision`, async () => {
        ref.version = (await savePlan(db, who(j.account), ref.id, { version: ref.version, plan: ref.plan })).version;
      });
    }
    return ref;
  }

  /** The city fills in and submits a yearly report, the province confirms it. */
  function yearlyReport(ref: AppRef, r: { city: string; province: string; year: number; submit: Date; confirm: Date; performance: Performance; opinion: string }) {
    let reportId = '';
    let version = 0;
    t.add(r.submit, `report ${r.year} of ${r.city}: fill in and submit`, async (n) => {
      const pilotId = ref.pilotId!;
      const city = who(r.city);
      const listed = await pilotReports(db, city, pilotId, n);
      const item = listed.items.find((i) => i.period === String(r.year));
      if (!item) throw new Error(`no report for ${r.year}`);
      reportId = item.id;
      const contract = await contractInForce(db, pilotId, r.year);
      const start = listed.pilot.periodStartYear;
      const period = [start, start + 1, start + 2] as const;
      const values = (contract?.targets ?? []).map((target) => {
        const f = (r.performance[target.id] ?? r.performance.default) + (r.year - start) * 0.01;
        const ind = deriveIndicator(target, period);
        return { targetId: target.id, actual: actualFor(ind, r.year, f), dataSource: `${target.dataSource || '市统计局'}(${r.year}年度统计数据)`, note: '', evidenceFileIds: [] };
      });
      const tasks = ref.plan.taskDivision.map((task, taskIndex) => {
        const due = Number(/\d{4}/.exec(task.deadline)?.[0] ?? r.year);
        const weak = r.performance.default < 0.75;
        const status = due <= r.year ? (weak ? 'delayed' : 'done') : 'in_progress';
        const narrative = status === 'done' ? '已按期完成。' : status === 'delayed' ? '进度滞后,已制定追赶措施。' : '按计划推进中。';
        return { taskIndex, status: status as 'done' | 'delayed' | 'in_progress', narrative };
      });
      const narrative = `${r.year}年,全市围绕试点示范目标推进各项任务,主要指标完成情况见下表(演示数据)。`;
      const saved = await saveReport(db, city, reportId, { version: item.version, narrative, values, tasks }, n);
      version = (await submitReport(db, city, reportId, saved.version, n)).version;
    });
    t.add(r.confirm, `report ${r.year} of ${r.city}: the province confirms`, async (n) => {
      await confirmReport(db, who(r.province), reportId, version, r.opinion, n);
    });
  }

  /** The yearly reports of a running pilot whose period ended at least 45 days before now. */
  function deliveredReports(ref: AppRef, firstYear: number, lastYear: number, city: string, province: string, performance: Performance, until = now) {
    for (let year = firstYear; year <= lastYear; year++) {
      const submit = at(year + 1, 1, 24);
      const confirm = at(year + 1, 2, 12, 15);
      if (confirm.getTime() > until.getTime() - 5 * DAY || at(year + 1, 2, 14).getTime() > until.getTime()) continue;
      yearlyReport(ref, { city, province, year, submit, confirm, performance, opinion: `经审核,${year}年度进度报告数据来源清楚、佐证材料齐全,同意确认。` });
    }
  }

  function transitionAt(ref: AppRef, when: Date, action: 'open_midterm' | 'open_summary', label: string) {
    t.add(when, label, async (n) => {
      const pilot = await pilotVersion(ref.pilotId!);
      await requestTransition(db, guihuasi(), n, ref.pilotId!, { action, version: pilot });
    });
  }

  async function pilotVersion(pilotId: string): Promise<number> {
    const row = await getPilotRow(db, guihuasi(), pilotId);
    if (!row) throw new Error('pilot missing');
    return row.version;
  }

  interface EvaluationRef {
    ids: Map<string, string>;
  }

  function evaluationRound(r: { title: string; opened: Date; deadline: Date; pilots: AppRef[] }): EvaluationRef {
    const ref: EvaluationRef = { ids: new Map() };
    t.add(r.opened, `open evaluation round ${r.title}`, async (n) => {
      const round = await evaluations.openRound(db, guihuasi(), { kind: 'midterm', title: r.title, deadline: chinaDay(r.deadline), pilotIds: r.pilots.map((p) => p.pilotId!) }, todayOf(n));
      for (const e of round.evaluations) ref.ids.set(e.pilotId, e.id);
    });
    return ref;
  }

  function seatExperts(ev: EvaluationRef, pilot: AppRef, when: Date, panelSize: number, mustSeat?: string) {
    t.add(when, `seat the evaluation experts`, async () => {
      const id = ev.ids.get(pilot.pilotId!)!;
      const detail = await evaluations.evaluationDetail(db, guihuasi(), id);
      const seated = await evaluations.assignExperts(db, guihuasi(), id, { version: detail.version, panelSize });
      if (mustSeat && !seated.members.some((m) => m.name === mustSeat)) {
        throw new Error(`the solver did not seat ${mustSeat}: ${seated.members.map((m) => m.name).join('、')}`);
      }
    });
  }

  /** Seated experts score (in seat order) at the instants given; a name in `skip` does not score. */
  function evaluationScores(ev: EvaluationRef, pilot: AppRef, when: Date[], score: number, comments: string, skip: string[] = []) {
    when.forEach((w, k) => {
      t.add(w, `evaluation score ${k + 1}`, async () => {
        const id = ev.ids.get(pilot.pilotId!)!;
        const detail = await evaluations.evaluationDetail(db, guihuasi(), id);
        const members = detail.members.filter((m) => !skip.includes(m.name));
        const m = members[k];
        if (!m) return;
        const items = detail.qualitativeItems.filter((i) => i.assessor === 'expert');
        await evaluations.submitScores(db, await cast.expertById(m.expertId), id, { scores: Object.fromEntries(items.map((i) => [i.id, score + k])), comments });
      });
    });
  }

  function departmentEvaluation(ev: EvaluationRef, pilot: AppRef, when: Date, score: number, opinion: string) {
    t.add(when, 'departmental evaluation opinion', async () => {
      const id = ev.ids.get(pilot.pilotId!)!;
      const detail = await evaluations.evaluationDetail(db, who('zhuangbeisi'), id);
      const items = detail.qualitativeItems.filter((i) => i.assessor === 'ministry_department');
      await evaluations.giveOpinion(db, who('zhuangbeisi'), id, { opinion, scores: Object.fromEntries(items.map((i) => [i.id, score])) });
    });
  }

  function decideEvaluation(ev: EvaluationRef, pilot: AppRef, when: Date, requiredActions?: string) {
    t.add(when, 'decide the evaluation', async (n) => {
      const id = ev.ids.get(pilot.pilotId!)!;
      const detail = await evaluations.evaluationDetail(db, guihuasi(), id);
      await evaluations.decide(db, guihuasi(), id, { version: detail.version, requiredActions }, todayOf(n));
    });
  }

  /** Checks that a finished round closed itself with its last decision (the evaluations feature does that). */
  function closeRound(ev: EvaluationRef, when: Date) {
    t.add(when, 'check the finished round closed', async () => {
      const ids = [...ev.ids.values()];
      const [first] = await db.select({ roundId: evaluationRows.roundId }).from(evaluationRows).where(eq(evaluationRows.id, ids[0]!));
      const [round] = await db.select({ status: evaluationRounds.status }).from(evaluationRounds).where(eq(evaluationRounds.id, first!.roundId));
      if (round?.status !== 'closed') throw new Error('a fully decided round should have closed itself');
    });
  }

  // -------------------------------------------------------------------------------------------
  // 宁波: approved in year A; reports for A+1 and A+2 confirmed, the latter by 20 February of A+3.

  const A = latestYearWith(new Date(now.getTime() - 2 * DAY), (y) => at(y + 3, 2, 20, 16));
  const ningbo = journey({
    city: 'ningbo',
    account: 'ningbo',
    province: 'ningbo-sj',
    title: '【演示数据】宁波市“中国制造2025”试点示范城市实施方案',
    created: at(A, 6, 20),
    submitted: at(A, 7, 5),
    forwarded: { at: at(A, 7, 20), opinion: '经初审,宁波市申报材料齐全、数据真实,符合试点示范城市选择标准,同意推荐。' },
    received: at(A, 7, 25),
    panel: {
      at: at(A, 7, 28),
      deadline: at(A, 8, 12, 18),
      members: ['林国栋', '王立新', '赵明远'],
      scores: [
        { name: '林国栋', at: at(A, 8, 1), base: 88 },
        { name: '王立新', at: at(A, 8, 2), base: 85 },
        { name: '赵明远', at: at(A, 8, 3), base: 90 },
      ],
    },
    departmentOpinion: { at: at(A, 8, 8), opinion: '同意宁波市开展试点示范,建议在智能制造和工业强基方面加大支持力度。' },
    approved: { at: at(A, 8, 18), documentNo: `工信部规函〔${A}〕242号` },
  });
  // On track mostly; two at risk (exact figures just short of the path), two off track.
  const ningboPerformance: Performance = {
    default: 1.06,
    't-it-cnc-rate': 0.9,
    't-innovation-rd': 0.88,
    't-structure-high-tech-share': 0.55,
    't-structure-big-firms': 0.5,
  };
  deliveredReports(ningbo, A + 1, A + 2, 'ningbo', 'ningbo-sj', ningboPerformance);
  transitionAt(ningbo, at(A + 2, 7, 10), 'open_midterm', '宁波: open the mid-term evaluation');
  const nbRound = evaluationRound({ title: `${A + 2}年度宁波市试点示范中期评估`, opened: at(A + 2, 10, 15), deadline: at(A + 2, 11, 30), pilots: [ningbo] });
  seatExperts(nbRound, ningbo, at(A + 2, 10, 16), 3);
  evaluationScores(nbRound, ningbo, [at(A + 2, 11, 5), at(A + 2, 11, 12), at(A + 2, 11, 20)], 86, '智能化改造成效明显,单项冠军培育有特色;高技术制造业占比提升偏慢。');
  departmentEvaluation(nbRound, ningbo, at(A + 2, 11, 25), 85, '专项资金落实到位,智能制造项目推进顺利。');
  decideEvaluation(nbRound, ningbo, at(A + 2, 12, 10));
  closeRound(nbRound, at(A + 2, 12, 15));
  if (at(A + 3, 10, 15).getTime() <= now.getTime() - DAY) transitionAt(ningbo, at(A + 3, 10, 15), 'open_summary', '宁波: move to summary and demonstration');
  for (const [when, programme, year, amount, department, project] of [
    [at(A + 1, 5, 12), 'intelligent_manufacturing', A + 1, 3000, '装备工业司', '注塑装备智能工厂新模式应用'],
    [at(A + 2, 6, 20), 'technical_renovation', A + 2, 5000, '规划司', '汽车零部件数字化车间技术改造'],
  ] as const) {
    t.add(when, `宁波: policy resource ${project}`, async (n) => {
      await recordResource(db, guihuasi(), ningbo.pilotId!, { programme, amount, year, department, project, targetIds: ['t-it-cnc-rate'], note: '演示数据' }, n);
    });
  }
  const consulting = { id: '', version: 0 };
  t.add(at(A + 2, 3, 10), '宁波: ask for consulting', async (n) => {
    const r = await requestConsulting(db, who('ningbo'), ningbo.pilotId!, { topic: '高技术制造业占比提升路径', description: '请智库专家就新材料和电子信息产业培育提出建议。', fields: ['智能制造', '电子信息'] }, n);
    consulting.id = r.id;
    consulting.version = r.version;
  });
  t.add(at(A + 2, 3, 20), '宁波: the ministry matches experts', async () => {
    const r = await matchExperts(db, guihuasi(), consulting.id, { version: consulting.version, expertIds: [(await cast.expert('赵明远')).expertId] });
    consulting.version = r.version;
  });
  t.add(at(A + 2, 4, 18), '宁波: the consulting service is recorded', async (n) => {
    await recordService(db, guihuasi(), consulting.id, { version: consulting.version, servedOn: chinaDay(n), record: '赵明远教授赴宁波开展现场调研,提交《高技术制造业培育建议》。' }, n);
  });
  t.add(at(A, 11, 12), '宁波 (计划单列市): work plan and policy', async (n) => {
    await saveWorkPlan(db, who('ningbo-sj'), '330200', { version: 0, title: `宁波市“中国制造2025”试点示范工作细化方案(${A + 1}—${A + 3}年)`, body: '明确年度任务、责任单位和考核办法,建立市级统筹、区县(市)落实的推进机制。(演示数据)', fileId: null }, n);
    await addPolicy(db, who('ningbo-sj'), '330200', { documentNo: `甬政发〔${A}〕88号`, issuedOn: chinaDay(new Date(n.getTime() - 14 * DAY)), title: '关于支持试点示范城市建设的若干政策意见', summary: '对智能化改造、创新平台建设和人才引进给予资金和要素支持。(演示数据)', fileId: null }, n);
  });

  // -------------------------------------------------------------------------------------------
  // 沈阳 and 吴忠: approved in M−2, mid-term opened on 10 July of M; this year's joint round.

  const M = latestYearWith(new Date(now.getTime() - 100 * DAY), (y) => at(y, 7, 10));
  const shenyang = journey({
    city: 'shenyang',
    account: 'shenyang',
    province: 'liaoning',
    title: '【演示数据】沈阳市“中国制造2025”试点示范城市实施方案',
    created: at(M - 2, 8, 25),
    submitted: at(M - 2, 9, 5),
    forwarded: { at: at(M - 2, 9, 20), opinion: '沈阳市装备制造业基础雄厚,实施方案突出智能化转型,目标量化可考核,同意转报。' },
    received: at(M - 2, 9, 26),
    panel: {
      at: at(M - 2, 10, 10),
      deadline: at(M - 2, 10, 30, 18),
      members: ['王立新', '许文博', '刘建华'],
      scores: [
        { name: '王立新', at: at(M - 2, 10, 15), base: 84 },
        { name: '许文博', at: at(M - 2, 10, 17), base: 82 },
        { name: '刘建华', at: at(M - 2, 10, 20), base: 86 },
      ],
    },
    departmentOpinion: { at: at(M - 2, 10, 25), opinion: '支持沈阳市建设制造业智能化转型先行试验区。' },
    approved: { at: at(M - 2, 11, 18), documentNo: `工信部规函〔${M - 2}〕386号` },
  });
  const wuzhong = journey({
    city: 'wuzhong',
    account: 'wuzhong',
    province: 'ningxia',
    title: '【演示数据】吴忠市“中国制造2025”试点示范城市实施方案',
    created: at(M - 2, 9, 10),
    submitted: at(M - 2, 9, 20),
    forwarded: { at: at(M - 2, 10, 8), opinion: '吴忠市特色产业和绿色能源优势明显,同意转报。' },
    received: at(M - 2, 10, 14),
    panel: {
      at: at(M - 2, 10, 24),
      deadline: at(M - 2, 11, 15, 18),
      members: ['周海澜', '孙晓峰', '黄振宇'],
      scores: [
        { name: '周海澜', at: at(M - 2, 11, 1), base: 78, opinion: 'recommend_after_revision' },
        { name: '孙晓峰', at: at(M - 2, 11, 3), base: 80 },
        { name: '黄振宇', at: at(M - 2, 11, 5), base: 76, opinion: 'recommend_after_revision' },
      ],
    },
    departmentOpinion: { at: at(M - 2, 11, 10), opinion: '同意吴忠市开展试点,建议加强节能降耗目标的落实。' },
    approved: { at: at(M - 2, 12, 20), documentNo: `工信部规函〔${M - 2}〕412号` },
  });
  deliveredReports(shenyang, M - 1, M, 'shenyang', 'liaoning', { default: 1.04, 't-quality-value-added-growth': 0.86, 't-innovation-centres': 0.6, 't-sustainability-solid-waste': 0.9 });
  deliveredReports(wuzhong, M - 1, M, 'wuzhong', 'ningxia', { default: 0.45, 't-quality-revenue': 0.7, 't-sustainability-water': 0.85 });
  transitionAt(shenyang, at(M, 7, 10), 'open_midterm', '沈阳: open the mid-term evaluation');
  transitionAt(wuzhong, at(M, 7, 10, 11), 'open_midterm', '吴忠: open the mid-term evaluation');
  const roundOpened = daysBefore(now, 90);
  const midRound = evaluationRound({ title: `${chinaYear(roundOpened)}年度试点示范城市中期评估(第一批)`, opened: roundOpened, deadline: new Date(now.getTime() + 25 * DAY), pilots: [wuzhong, shenyang] });
  seatExperts(midRound, wuzhong, daysBefore(now, 89, 10), 3);
  seatExperts(midRound, shenyang, daysBefore(now, 89, 11), 3, '林国栋');
  evaluationScores(midRound, wuzhong, [daysBefore(now, 82), daysBefore(now, 78), daysBefore(now, 75)], 48, '主要指标完成进度明显滞后,节能降耗和创新能力目标差距较大,任务推进缓慢。');
  departmentEvaluation(midRound, wuzhong, daysBefore(now, 70), 52, '部分支持项目未按期实施。');
  decideEvaluation(midRound, wuzhong, daysBefore(now, 60), '对照中期评估发现的问题,逐项制定整改措施:加快节能改造和研发平台建设,补齐创新能力和质量效益短板,按期报送整改报告及佐证材料。');
  evaluationScores(midRound, shenyang, [daysBefore(now, 12), daysBefore(now, 5)], 80, '智能化改造推进有力,机器人产业集聚效应显现;工业增速和企业技术中心建设滞后。', ['林国栋']);
  departmentEvaluation(midRound, shenyang, daysBefore(now, 8), 80, '智能制造专项项目进展顺利。');
  t.add(at(M, 4, 15), '沈阳: policy resource', async (n) => {
    await recordResource(db, guihuasi(), shenyang.pilotId!, { programme: 'intelligent_manufacturing', amount: 4000, year: M, department: '装备工业司', project: '机器人智能工厂集成应用', targetIds: ['t-it-smart-factories'], note: '演示数据' }, n);
  });
  t.add(daysBefore(now, 18), '沈阳: ask for consulting', async (n) => {
    await requestConsulting(db, who('shenyang'), shenyang.pilotId!, { topic: '国有装备企业智能化改造路径', description: '请智库专家就数控机床企业数字化转型和服务型制造提出咨询意见。', fields: ['装备制造', '智能制造'] }, n);
  });

  // -------------------------------------------------------------------------------------------
  // 包头: approved in K−2; failed in K; rectification failed; suspended and cancelled by 20 October of K+1.

  const K = latestYearWith(new Date(now.getTime() - 7 * DAY), (y) => at(y + 1, 10, 20));
  const baotou = journey({
    city: 'baotou',
    account: 'baotou',
    province: 'neimenggu',
    title: '【演示数据】包头市“中国制造2025”试点示范城市实施方案',
    created: at(K - 2, 9, 15),
    submitted: at(K - 2, 9, 28),
    forwarded: { at: at(K - 2, 10, 20), opinion: '包头市稀土和装备产业特色突出,同意转报。' },
    received: at(K - 2, 10, 27),
    panel: {
      at: at(K - 2, 11, 8),
      deadline: at(K - 2, 11, 30, 18),
      members: ['周海澜', '刘建华', '许文博'],
      scores: [
        { name: '周海澜', at: at(K - 2, 11, 15), base: 79 },
        { name: '刘建华', at: at(K - 2, 11, 18), base: 77, opinion: 'recommend_after_revision' },
        { name: '许文博', at: at(K - 2, 11, 22), base: 80 },
      ],
    },
    departmentOpinion: { at: at(K - 2, 11, 25), opinion: '同意包头市开展试点,建议突出稀土新材料应用。' },
    approved: { at: at(K - 2, 12, 26), documentNo: `工信部规函〔${K - 2}〕431号` },
  });
  deliveredReports(baotou, K - 1, K, 'baotou', 'neimenggu', { default: 0.4, 't-quality-revenue': 0.65 }, at(K + 1, 10, 20));
  transitionAt(baotou, at(K, 7, 10), 'open_midterm', '包头: open the mid-term evaluation');
  const btRound = evaluationRound({ title: `${K}年度包头市试点示范中期评估`, opened: at(K, 9, 5), deadline: at(K, 10, 31), pilots: [baotou] });
  seatExperts(btRound, baotou, at(K, 9, 6), 3);
  evaluationScores(btRound, baotou, [at(K, 9, 20), at(K, 9, 28), at(K, 10, 10)], 45, '稀土新材料产业链延伸不及预期,节能和固废综合利用目标差距大。');
  departmentEvaluation(btRound, baotou, at(K, 10, 15), 50, '部分技改项目未开工。');
  decideEvaluation(btRound, baotou, at(K, 11, 20));
  closeRound(btRound, at(K, 11, 25));
  const btCase = { id: '', version: 0 };
  const caseStep = (when: Date, label: string, run: (today: { date: string; now: Date }) => Promise<{ version: number }>) =>
    t.add(when, `包头 rectification: ${label}`, async (n) => {
      if (!btCase.id) {
        const cases = await rectifications.pilotCases(db, guihuasi(), baotou.pilotId!, todayOf(n));
        btCase.id = cases.items[0]!.id;
        btCase.version = cases.items[0]!.version;
      }
      btCase.version = (await run(todayOf(n))).version;
    });
  caseStep(at(K + 1, 6, 16), 'the city answers', (d) =>
    rectifications.answerCase(db, who('baotou'), btCase.id, { version: btCase.version, response: '已制定整改方案,推进节能改造项目12个、稀土应用项目5个;部分项目因资金未落实仍在推进。(演示数据)', fileIds: [] }, d),
  );
  caseStep(at(K + 1, 7, 6), 'the province gives its opinion', (d) =>
    rectifications.giveOpinion(db, who('neimenggu'), btCase.id, { version: btCase.version, opinion: '包头市整改工作有所推进,但主要指标仍未达到要求。' }, d),
  );
  caseStep(at(K + 1, 8, 20), 're-assessment fails', (d) =>
    rectifications.reassessCase(db, guihuasi(), btCase.id, { version: btCase.version, reassessment: '复核认为,整改后创新能力和质量效益指标仍明显滞后,整改不到位。', grade: 'fail' }, d),
  );
  caseStep(at(K + 1, 9, 10), 'suspend the pilot', (d) =>
    rectifications.suspendPilot(db, guihuasi(), btCase.id, { version: btCase.version, comment: '整改复核不合格,中止试点示范工作。' }, d),
  );
  caseStep(at(K + 1, 10, 20), 'cancel with a public notice', (d) =>
    rectifications.cancelPilot(db, guihuasi(), btCase.id, { version: btCase.version, comment: '中止后仍未达到要求,通报取消试点示范城市资格。', publish: true }, d),
  );

  // -------------------------------------------------------------------------------------------
  // 长株潭: approved in Q; 衡阳 joins by an amendment approved on 18 April of Q+1, in force from Q+2.

  const Q = latestYearWith(new Date(now.getTime() - 7 * DAY), (y) => at(y + 1, 4, 18));
  const czt = journey({
    city: 'changzhutan',
    account: 'changsha',
    province: 'hunan',
    title: '【演示数据】长株潭“中国制造2025”试点示范城市群实施方案',
    created: at(Q, 8, 20),
    submitted: at(Q, 9, 1),
    forwarded: { at: at(Q, 9, 25), opinion: '长株潭三市装备制造产业集群优势突出,协同机制健全,同意转报。' },
    received: at(Q, 10, 9),
    panel: {
      at: at(Q, 10, 20),
      deadline: at(Q, 11, 10, 18),
      members: ['林国栋', '赵明远', '黄振宇'],
      scores: [
        { name: '林国栋', at: at(Q, 10, 28), base: 87 },
        { name: '赵明远', at: at(Q, 10, 31), base: 84 },
        { name: '黄振宇', at: at(Q, 11, 3), base: 83 },
      ],
    },
    departmentOpinion: { at: at(Q, 11, 8), opinion: '支持长株潭建设装备制造业试点示范城市群。' },
    approved: { at: at(Q, 12, 12), documentNo: `工信部规函〔${Q}〕455号` },
  });
  deliveredReports(czt, Q + 1, Q + 1, 'changsha', 'hunan', { default: 1.05, 't-structure-producer-services': 0.9 });
  const amendment = { id: '', version: 0 };
  t.add(at(Q + 1, 2, 20), '长株潭: propose adding 衡阳', async () => {
    const a = await amendments.propose(db, who('changsha'), czt.pilotId!, {
      kind: 'add_member',
      cityCode: '430400',
      name: '长株潭衡',
      reasons: '衡阳市输变电装备和有色金属精深加工产业与长株潭高度互补,纳入后可完善城市群装备制造产业链。(演示数据)',
      effectiveFromYear: Q + 2,
    });
    amendment.id = a.id;
    amendment.version = a.version;
  });
  t.add(at(Q + 1, 3, 15), '长株潭: 湖南 supports the amendment', async (n) => {
    const a = await amendments.giveOpinion(db, who('hunan'), amendment.id, { version: amendment.version, supports: true, opinion: '同意衡阳市纳入试点示范城市群。', displayName: '湖南省经信委 刘斌' }, n);
    amendment.version = a.version;
  });
  t.add(at(Q + 1, 4, 18), '长株潭: the ministry approves the amendment', async (n) => {
    await amendments.decide(db, guihuasi(), amendment.id, { version: amendment.version, decision: 'approve', comment: `同意调整为长株潭衡城市群,自${Q + 2}年起按新的目标体系考核。` }, n);
  });
  t.add(at(Q + 1, 3, 28), '长株潭: policy resource', async (n) => {
    await recordResource(db, guihuasi(), czt.pilotId!, { programme: 'industrial_upgrading', amount: 6000, year: Q + 1, department: '规划司', project: '工程机械核心零部件强基工程', targetIds: ['t-innovation-rd'], note: '演示数据' }, n);
  });

  // -------------------------------------------------------------------------------------------
  // This round's applications (all within the last three months).

  const d = (days: number, hour = 10) => daysBefore(now, days, hour);
  journey({
    city: 'wuhan',
    account: 'wuhan',
    province: 'hubei',
    title: '【演示数据】武汉市创建“中国制造2025”试点示范城市实施方案',
    created: d(80),
    submitted: d(70),
    forwarded: { at: d(55), opinion: '武汉市制造业基础雄厚,实施方案目标量化可考核,同意转报。' },
    received: d(45),
    panel: {
      at: d(20),
      deadline: daysBefore(now, -10, 18),
      members: ['林国栋', '许文博', '周海澜'],
      backups: ['王立新'],
      scores: [
        { name: '许文博', at: d(12), base: 82 },
        { name: '周海澜', at: d(6), base: 74, opinion: 'recommend_after_revision' },
      ],
    },
  });
  journey({
    city: 'quanzhou',
    account: 'quanzhou',
    province: 'fujian',
    title: '【演示数据】泉州市“中国制造2025”试点示范城市实施方案',
    created: d(50),
    submitted: d(30),
    forwarded: { at: d(12), opinion: '泉州市民营制造业发达、产业特色鲜明,“数控一代”工作基础好,同意转报。' },
  });
  journey({ city: 'huzhou', account: 'huzhou', province: 'zhejiang', title: '【演示数据】湖州市“中国制造2025”试点示范城市实施方案', created: d(20), submitted: d(6) });
  journey({
    city: 'zhengluoxin',
    account: 'zhengzhou',
    province: 'henan',
    title: '【演示数据】郑洛新“中国制造2025”试点示范城市群实施方案',
    created: d(60),
    submitted: d(40),
    returned: { at: d(25), reasons: '请补充洛阳、新乡两市的基期数据来源,并细化城市群协同创新的任务分工。' },
    revised: d(2),
  });
  journey({
    city: 'sunan',
    account: 'suzhou',
    province: 'jiangsu',
    title: '【演示数据】苏南五市“中国制造2025”试点示范城市群实施方案(草稿)',
    created: d(15),
    revised: d(3),
    complete: false,
  });
}
