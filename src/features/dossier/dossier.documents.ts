/**
 * The dossier's generated documents, as flowing official documents (src/kernel/documents/): the plan
 * (cover, chapters in outline order, the target table and the plan's tables), the review record, each
 * progress report, the evaluations and the rectification cases; and the history as CSV. Pure: rows in,
 * document descriptions and text out; the service renders them to Word and PDF.
 */
import type { FlowBlock, FlowDocument } from '../../kernel/documents/flow-document.js';
import { STATE_LABELS, type ApplicationState } from '../../shared/lifecycle/application-lifecycle.js';
import { PROVINCIAL_CHECKLIST } from '../../shared/lifecycle/provincial-checklist.js';
import { GRADE_LABELS, type Grade } from '../../shared/monitoring/evaluation.js';
import { PILOT_STATE_LABELS, type PilotState } from '../../shared/monitoring/pilot-lifecycle.js';
import { plainText } from '../../shared/plan/checker.js';
import { PLAN_OUTLINE } from '../../shared/plan/outline.js';
import { CITY_TYPE_LABELS, DIMENSION_LABELS, TARGET_DIMENSIONS, TARGET_KIND_LABELS, type Plan, type Target } from '../../shared/plan/plan-schema.js';
import { getReviewAuthority } from '../../shared/reference/divisions.js';
import { OPINION_LABELS, type Opinion } from '../../shared/review/rubric.js';

const FULL_WIDTH_SPACE = '\u3000';

/** Beijing time, as officials read it: 2016-08-01 10:00. */
export function chinaTime(d: Date | string | null | undefined): string {
  if (!d) return '—';
  const t = typeof d === 'string' ? new Date(d) : d;
  return new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** Paragraph texts of sanitised rich text: one per <p> or line break. */
function paragraphsOf(html: string): string[] {
  return html
    .split(/<\/p>|<br\s*\/?>|\n/i)
    .map((chunk) => plainText(chunk))
    .filter((t) => t.length > 0);
}

const paragraphs = (texts: string[]): FlowBlock[] => texts.map((text) => ({ kind: 'paragraph', text }));

function sortedTargets(targets: readonly Target[]): Target[] {
  const order = (t: Target) => (t.dimension ? TARGET_DIMENSIONS.indexOf(t.dimension) : TARGET_DIMENSIONS.length);
  return [...targets].sort((a, b) => order(a) - order(b));
}

// ---------------------------------------------------------------------------------------------
// The plan 实施方案

export function planDocument(app: { refNo: string; title: string; applicantName: string; plan: Plan }): FlowDocument {
  const { plan } = app;
  const y = plan.cover.applicationYear;
  const years = [y + 1, y + 2, y + 3];
  const blocks: FlowBlock[] = [
    { kind: 'space', mm: 45 },
    { kind: 'title', text: '“中国制造2025”试点示范城市' },
    { kind: 'title', text: '申报书' },
    { kind: 'space', mm: 20 },
    { kind: 'centred', text: plan.cover.title || app.title },
    { kind: 'space', mm: 40 },
    { kind: 'centred', text: `申报城市：${plan.cover.applicant || app.applicantName}` },
    { kind: 'centred', text: `填报日期：${plan.cover.filingDate || `${FULL_WIDTH_SPACE.repeat(3)}年${FULL_WIDTH_SPACE.repeat(2)}月${FULL_WIDTH_SPACE.repeat(2)}日`}` },
    { kind: 'note', text: `申报编号：${app.refNo}` },
    { kind: 'pageBreak' },
  ];
  if (plan.cityTypes.length > 0) blocks.push({ kind: 'paragraph', text: `城市类型：${plan.cityTypes.map((c) => CITY_TYPE_LABELS[c].zh).join('、')}` });
  for (const chapter of PLAN_OUTLINE) {
    blocks.push({ kind: 'heading', level: 1, text: chapter.zh });
    for (const part of chapter.parts) {
      if (chapter.parts.length > 1) blocks.push({ kind: 'heading', level: 2, text: part.zh });
      blocks.push(...paragraphs(paragraphsOf(plan.sections[part.key] ?? '')));
      if (part.key === 'ch2.targets' && plan.targets.length > 0) {
        blocks.push({
          kind: 'table',
          headers: ['维度', '指标', '单位', '类型', '基期值', `${years[0]}年`, `${years[1]}年`, `${years[2]}年`],
          rows: sortedTargets(plan.targets).map((t) => [
            t.dimension ? DIMENSION_LABELS[t.dimension].zh : '',
            t.indicator,
            t.unit,
            t.kind ? TARGET_KIND_LABELS[t.kind].zh : '',
            fmt(t.baselineValue),
            fmt(t.values[0]),
            fmt(t.values[1]),
            fmt(t.values[2]),
          ]),
        });
      }
      if (part.key === 'ch3.layout') {
        if (plan.keyIndustries.length) blocks.push({ kind: 'table', headers: ['重点产业', '发展方向', '产值（亿元）'], rows: plan.keyIndustries.map((k) => [k.name, k.description, fmt(k.outputValue)]) });
        if (plan.parks.length) blocks.push({ kind: 'table', headers: ['载体园区', '级别', '主导产业'], rows: plan.parks.map((p) => [p.name, p.level, p.leadingIndustries]) });
        if (plan.coreEnterprises.length) blocks.push({ kind: 'table', headers: ['核心企业', '行业', '作用'], rows: plan.coreEnterprises.map((e) => [e.name, e.industry, e.role]) });
      }
      if (part.key === 'ch4.carriers' && plan.innovationCarriers.length) {
        blocks.push({ kind: 'table', headers: ['创新载体', '类型', '级别'], rows: plan.innovationCarriers.map((c) => [c.name, c.kind, c.level]) });
      }
      if (part.key === 'ch7.division' && plan.taskDivision.length) {
        blocks.push({ kind: 'table', headers: ['任务', '责任单位', '完成时限'], rows: plan.taskDivision.map((t) => [t.task, t.responsibleUnit, t.deadline]) });
      }
      if (part.key === 'ch8.other') {
        const c = plan.contact;
        blocks.push({ kind: 'paragraph', text: `联系人：${[c.name, c.title, c.organisation].filter(Boolean).join(FULL_WIDTH_SPACE)}` });
        blocks.push({ kind: 'paragraph', text: [`电话：${c.phone}`, `手机：${c.mobile}`, `电子邮箱：${c.email}`].join(FULL_WIDTH_SPACE) });
      }
    }
  }
  return { title: plan.cover.title || app.title, author: plan.cover.applicant || app.applicantName, subject: app.refNo, blocks, numberFrom: 1 };
}

// ---------------------------------------------------------------------------------------------
// The review record 审查记录

export interface ReviewRecordInput {
  application: { refNo: string; title: string; status: string };
  provincialReviews: { authorityId: string; round: number; decision: string; checklist: Record<string, boolean> | null; opinion: string | null; opinionDate: string | null; decidedAt: Date | null; reviewerName: string | null }[];
  intake: { printedCopies: string; discs: string; formalCheckPassed: boolean; note: string | null; recordedAt: Date; recordedByName: string | null } | null;
  /** The ministry's view of the review; null when this reader may not see the panel's record. */
  panel: {
    panel: { deadline: string; status: string; scoreRound: number; panelSize: number; rubric: { criteria: { key: string; name: { zh: string }; maxScore: number; weight: number }[] } } | null;
    members: { name: string; organisation: string; title: string; role: string; declaredAt: string | null; recusedAt: string | null; recusalReason: string | null; submitted: boolean }[];
    sheets: { expertName: string; organisation: string; round: number; scores: Record<string, number>; opinion: string; comments: string; total: number; submittedAt: string }[];
    aggregate: { n: number; total: { mean: number; median: number; min: number; max: number } } | null;
    opinions: { organisationName: string; authorName: string; stance: string; opinion: string; createdAt: string }[];
    comments: { authorName: string; body: string; createdAt: string }[];
  } | null;
  /** The decision events: approve, send back, reject (with who and when). */
  decisions: { action: string; comment: string | null; data: Record<string, unknown> | null; actorName: string | null; createdAt: Date }[];
}

const DECISION_LABELS: Record<string, string> = { approve: '批准', send_back: '退回修改', reject: '不予批准', return: '省级退回', forward: '省级转报' };
const PROVINCIAL_DECISION_LABELS: Record<string, string> = { pending: '待审', forwarded: '同意转报', returned: '退回', superseded: '已由新一轮取代' };
const STANCE_LABELS: Record<string, string> = { support: '支持', support_with_conditions: '有条件支持', object: '不支持' };
const COPY_LABELS: Record<string, string> = { received: '已收到', waived: '免于报送', missing: '未收到' };

export function reviewRecordDocument(r: ReviewRecordInput): FlowDocument {
  const blocks: FlowBlock[] = [
    { kind: 'title', text: '审查记录' },
    { kind: 'note', text: `${r.application.refNo}\u3000${r.application.title}` },
    { kind: 'note', text: `当前状态：${STATE_LABELS[r.application.status as ApplicationState]?.zh ?? r.application.status}` },
    { kind: 'heading', level: 2, text: '一、省级初审' },
  ];
  if (r.provincialReviews.length === 0) blocks.push({ kind: 'paragraph', text: '尚无省级初审记录。' });
  for (const p of [...r.provincialReviews].sort((a, b) => a.round - b.round || a.authorityId.localeCompare(b.authorityId))) {
    const authority = getReviewAuthority(p.authorityId)?.label ?? p.authorityId;
    blocks.push({ kind: 'heading', level: 3, text: `第${p.round}轮\u3000${authority}：${PROVINCIAL_DECISION_LABELS[p.decision] ?? p.decision}` });
    if (p.checklist) {
      const items = PROVINCIAL_CHECKLIST.map((i) => `${i.zh}（${p.checklist?.[i.key] ? '是' : '否'}）`);
      blocks.push({ kind: 'paragraph', text: `审核要点：${items.join('；')}。` });
    }
    if (p.opinion) blocks.push({ kind: 'paragraph', text: `初审意见：${p.opinion}` });
    blocks.push({ kind: 'paragraph', text: `经办人：${p.reviewerName ?? '—'}；意见日期：${p.opinionDate ?? '—'}；办理时间：${chinaTime(p.decidedAt)}。` });
  }
  blocks.push({ kind: 'heading', level: 2, text: '二、部级受理与形式审查' });
  if (!r.intake) blocks.push({ kind: 'paragraph', text: '尚未受理。' });
  else {
    blocks.push({
      kind: 'paragraph',
      text: `书面材料（一式三份）：${COPY_LABELS[r.intake.printedCopies] ?? r.intake.printedCopies}；光盘（两份）：${COPY_LABELS[r.intake.discs] ?? r.intake.discs}；形式审查：${r.intake.formalCheckPassed ? '通过' : '未通过'}。`,
    });
    if (r.intake.note) blocks.push({ kind: 'paragraph', text: `备注：${r.intake.note}` });
    blocks.push({ kind: 'paragraph', text: `受理人：${r.intake.recordedByName ?? '—'}；受理时间：${chinaTime(r.intake.recordedAt)}。` });
  }
  blocks.push({ kind: 'heading', level: 2, text: '三、专家评审' });
  if (!r.panel) {
    blocks.push({ kind: 'paragraph', text: '专家评审组成员、回避声明和各专家评分仅向工业和信息化部规划司提供，本档案未收录。' });
  } else if (!r.panel.panel) {
    blocks.push({ kind: 'paragraph', text: '尚未组建评审组。' });
  } else {
    const p = r.panel.panel;
    const criteria = p.rubric.criteria;
    blocks.push({ kind: 'paragraph', text: `评审组规模${p.panelSize}人，评分截止${chinaTime(p.deadline)}，当前第${p.scoreRound}轮评分，评审组${p.status === 'open' ? '进行中' : '已结束'}。` });
    blocks.push({
      kind: 'table',
      headers: ['专家', '工作单位', '职称', '席位', '无利益冲突声明', '回避', '已评分'],
      rows: r.panel.members.map((m) => [m.name, m.organisation, m.title, m.role === 'member' ? '成员' : '备选', m.declaredAt ? chinaTime(m.declaredAt) : '—', m.recusedAt ? `已回避：${m.recusalReason ?? ''}` : '—', m.submitted ? '是' : '否']),
    });
    if (r.panel.sheets.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: '专家评分' });
      blocks.push({
        kind: 'table',
        headers: ['专家', '轮次', ...criteria.map((c) => `${c.name.zh}（${c.maxScore}）`), '加权总分', '综合意见'],
        rows: r.panel.sheets.map((s) => [s.expertName, String(s.round), ...criteria.map((c) => fmt(s.scores[c.key])), s.total.toFixed(2), OPINION_LABELS[s.opinion as Opinion]?.zh ?? s.opinion]),
      });
      for (const s of r.panel.sheets) if (s.comments) blocks.push({ kind: 'paragraph', text: `${s.expertName}（第${s.round}轮）评审意见：${s.comments}` });
    }
    if (r.panel.aggregate) {
      const t = r.panel.aggregate.total;
      blocks.push({ kind: 'paragraph', text: `汇总：${r.panel.aggregate.n}份评分，加权总分平均${t.mean.toFixed(2)}，中位数${t.median.toFixed(2)}，最低${t.min.toFixed(2)}，最高${t.max.toFixed(2)}。` });
    }
  }
  blocks.push({ kind: 'heading', level: 2, text: '四、司局意见' });
  if (!r.panel) blocks.push({ kind: 'paragraph', text: '各司局意见仅向工业和信息化部规划司提供，本档案未收录。' });
  else if (r.panel.opinions.length === 0) blocks.push({ kind: 'paragraph', text: '尚无司局意见。' });
  else for (const o of r.panel.opinions) blocks.push({ kind: 'paragraph', text: `${o.organisationName}（${o.authorName}，${chinaTime(o.createdAt)}）：${STANCE_LABELS[o.stance] ?? o.stance}。${o.opinion}` });
  if (r.panel && r.panel.comments.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: '五、评审讨论' });
    for (const c of r.panel.comments) blocks.push({ kind: 'paragraph', text: `${c.authorName}（${chinaTime(c.createdAt)}）：${c.body}` });
  }
  blocks.push({ kind: 'heading', level: 2, text: r.panel && r.panel.comments.length > 0 ? '六、决定' : '五、决定' });
  if (r.decisions.length === 0) blocks.push({ kind: 'paragraph', text: '尚未作出决定。' });
  for (const d of r.decisions) {
    const extra = d.action === 'approve' && d.data ? `批复文号${String(d.data.documentNo ?? '—')}，批复日期${String(d.data.approvalDate ?? '—')}。` : '';
    blocks.push({ kind: 'paragraph', text: `${chinaTime(d.createdAt)}，${d.actorName ?? '—'}：${DECISION_LABELS[d.action] ?? d.action}。${extra}${d.comment ? `意见：${d.comment}` : ''}` });
  }
  return { title: `${r.application.title} 审查记录`, subject: r.application.refNo, blocks };
}

// ---------------------------------------------------------------------------------------------
// Progress reports 进度报告, evaluations 考核评估, rectifications 限期整改

const REPORT_STATUS: Record<string, string> = { draft: '填报中', submitted: '已报送', returned: '已退回', confirmed: '已确认' };
const TASK_STATUS: Record<string, string> = { not_started: '未开始', in_progress: '推进中', done: '已完成', delayed: '滞后' };

export interface ReportInput {
  pilotName: string;
  report: { period: string; periodStart: string; periodEnd: string; dueDate: string; status: string; narrative: string; submittedAt: Date | null; provinceOpinion: string | null; reviewedAt: Date | null; confirmedAt: Date | null; contractVersion: number };
  values: { targetId: string; actual: number | null; dataSource: string; note: string; evidence: string[] }[];
  tasks: { taskIndex: number; task: string; status: string; narrative: string }[];
  targets: readonly Target[];
}

export function reportDocument(r: ReportInput): FlowDocument {
  const byId = new Map(r.targets.map((t) => [t.id, t]));
  const rep = r.report;
  const blocks: FlowBlock[] = [
    { kind: 'title', text: `${r.pilotName}试点示范工作进展情况报告` },
    { kind: 'note', text: `报告期：${rep.period}（${rep.periodStart} 至 ${rep.periodEnd}），应报日期${rep.dueDate}，状态：${REPORT_STATUS[rep.status] ?? rep.status}，合同版本${rep.contractVersion}` },
    { kind: 'heading', level: 2, text: '一、总体进展' },
    ...paragraphs(rep.narrative ? rep.narrative.split('\n').map((s) => s.trim()).filter(Boolean) : ['（未填写）']),
    { kind: 'heading', level: 2, text: '二、量化指标完成情况' },
  ];
  if (r.values.length === 0) blocks.push({ kind: 'paragraph', text: '（未填报）' });
  else {
    blocks.push({
      kind: 'table',
      headers: ['指标', '单位', '实际值', '数据来源', '说明', '佐证材料'],
      rows: r.values.map((v) => {
        const t = byId.get(v.targetId);
        return [t?.indicator ?? v.targetId, t?.unit ?? '', fmt(v.actual), v.dataSource, v.note, v.evidence.join('、') || '—'];
      }),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: '三、重点任务推进情况' });
  if (r.tasks.length === 0) blocks.push({ kind: 'paragraph', text: '（未填报）' });
  else blocks.push({ kind: 'table', headers: ['序号', '任务', '状态', '进展'], rows: r.tasks.map((t) => [String(t.taskIndex + 1), t.task, TASK_STATUS[t.status] ?? t.status, t.narrative]) });
  blocks.push({ kind: 'heading', level: 2, text: '四、报送与审核' });
  blocks.push({ kind: 'paragraph', text: `报送时间：${chinaTime(rep.submittedAt)}；省级审核时间：${chinaTime(rep.reviewedAt)}；确认时间：${chinaTime(rep.confirmedAt)}。` });
  if (rep.provinceOpinion) blocks.push({ kind: 'paragraph', text: `省级意见：${rep.provinceOpinion}` });
  return { title: `${r.pilotName} ${rep.period} 进度报告`, blocks };
}

export interface EvaluationsInput {
  pilotName: string;
  evaluations: { roundTitle: string; roundKind: string; deadline: string; status: string; grade: string | null; totalScore: number | null; result: unknown; decidedAt: Date | null; decidedByName: string | null }[];
  rectifications: {
    origin: string;
    findings: { kind: string; ref: string | null; text: string }[];
    requiredActions: string;
    deadline: string;
    status: string;
    response: string | null;
    responseFiles: string[];
    respondedAt: Date | null;
    provinceOpinion: string | null;
    provinceReviewedAt: Date | null;
    reassessment: string | null;
    reassessmentGrade: string | null;
    reassessedAt: Date | null;
    createdAt: Date;
  }[];
}

const RECT_STATUS: Record<string, string> = { open: '待整改', answered: '已提交整改报告', province_reviewed: '省级已审核', passed: '整改通过', failed: '整改未通过' };
const RECT_ORIGIN: Record<string, string> = { evaluation: '考核评估不合格', indicators: '指标进度滞后', manual: '部里提出' };
const gradeZh = (g: string | null) => (g ? (GRADE_LABELS[g as Grade]?.zh ?? g) : '—');

interface ResultItem {
  label?: { zh?: string };
  id?: string;
  score?: number | null;
  weight?: number;
}

export function evaluationsDocument(e: EvaluationsInput): FlowDocument {
  const blocks: FlowBlock[] = [{ kind: 'title', text: `${e.pilotName}考核评估与整改情况` }, { kind: 'heading', level: 2, text: '一、考核评估' }];
  if (e.evaluations.length === 0) blocks.push({ kind: 'paragraph', text: '尚无考核评估。' });
  for (const ev of e.evaluations) {
    blocks.push({ kind: 'heading', level: 3, text: `${ev.roundTitle}（${ev.roundKind === 'midterm' ? '中期评估' : '期满考核'}）` });
    blocks.push({
      kind: 'paragraph',
      text: `截止日期${ev.deadline}；${ev.status === 'decided' ? `已评定，总分${fmt(ev.totalScore)}，等级：${gradeZh(ev.grade)}；评定人${ev.decidedByName ?? '—'}，评定时间${chinaTime(ev.decidedAt)}。` : '评分进行中。'}`,
    });
    const items = (ev.result && typeof ev.result === 'object' && Array.isArray((ev.result as { items?: unknown }).items) ? (ev.result as { items: ResultItem[] }).items : []) as ResultItem[];
    if (items.length > 0) blocks.push({ kind: 'table', headers: ['评估项目', '得分'], rows: items.map((i) => [i.label?.zh ?? i.id ?? '', fmt(i.score ?? null)]) });
  }
  blocks.push({ kind: 'heading', level: 2, text: '二、限期整改' });
  if (e.rectifications.length === 0) blocks.push({ kind: 'paragraph', text: '无整改事项。' });
  e.rectifications.forEach((r, i) => {
    blocks.push({ kind: 'heading', level: 3, text: `整改事项${i + 1}：${RECT_ORIGIN[r.origin] ?? r.origin}（${RECT_STATUS[r.status] ?? r.status}）` });
    blocks.push({ kind: 'paragraph', text: `下达时间${chinaTime(r.createdAt)}，整改期限${r.deadline}。` });
    blocks.push(...r.findings.map((f, j): FlowBlock => ({ kind: 'paragraph', text: `问题${j + 1}：${f.text}` })));
    blocks.push({ kind: 'paragraph', text: `整改要求：${r.requiredActions}` });
    if (r.response) blocks.push({ kind: 'paragraph', text: `整改报告（${chinaTime(r.respondedAt)}）：${r.response}${r.responseFiles.length ? `（佐证：${r.responseFiles.join('、')}）` : ''}` });
    if (r.provinceOpinion) blocks.push({ kind: 'paragraph', text: `省级意见（${chinaTime(r.provinceReviewedAt)}）：${r.provinceOpinion}` });
    if (r.reassessment) blocks.push({ kind: 'paragraph', text: `复核意见（${chinaTime(r.reassessedAt)}，等级：${gradeZh(r.reassessmentGrade)}）：${r.reassessment}` });
  });
  return { title: `${e.pilotName} 考核评估与整改`, blocks };
}

// ---------------------------------------------------------------------------------------------
// The history 流转记录, as CSV (UTF-8 with BOM, so Excel reads the Chinese)

function csvCell(v: string): string {
  // A cell a spreadsheet would run as a formula is written with a leading apostrophe.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface HistoryRow {
  at: Date;
  object: string;
  action: string;
  from: string | null;
  to: string | null;
  actor: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
}

const stateZh = (s: string | null) => (s ? (STATE_LABELS[s as ApplicationState]?.zh ?? PILOT_STATE_LABELS[s as PilotState]?.zh ?? s) : '');

export function historyCsv(rows: readonly HistoryRow[]): string {
  const header = ['时间（北京时间）', '对象', '操作', '原状态', '新状态', '操作人', '意见', '数据'];
  const lines = [header, ...[...rows].sort((a, b) => a.at.getTime() - b.at.getTime()).map((r) => [chinaTime(r.at), r.object, r.action, stateZh(r.from), stateZh(r.to), r.actor ?? '', r.comment ?? '', r.data ? JSON.stringify(r.data) : ''])];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
