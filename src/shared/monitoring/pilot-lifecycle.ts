/**
 * The pilot's three-year lifecycle after approval, defined once. The server runs transitions from
 * this table (compare-and-set on the state, storing `returnPhase`); the web calls `allowedActions`
 * to decide which buttons to offer and why a button is disabled.
 *
 *   implementation ──open_midterm──▶ midterm ──open_summary──▶ summary ──confirm_demonstration──▶ completed
 *   创建实施                          中期评估                     总结示范                            示范城市
 *        │                              │                           │
 *        └── order_rectification (a 不合格 evaluation, or off-track indicators) ──┘
 *                                       ▼
 *                              rectification 限期整改 ──pass_rectification──▶ the phase it left
 *                                       │  ▲ submit_rectification_report (city)
 *                                       └──suspend (deadline passed or re-assessment failed)──▶ suspended 中止
 *                                                                                              │
 *                                                                           cancel ──▶ cancelled 通报取消
 *
 * Also `phaseSchedule`: the calendar of the phases from the approval date, configurable.
 *
 * Decisions:
 * - Only the ministry's planning department (规划司) moves a pilot between phases: it organises the
 *   evaluations and decides on them. The city submits its rectification report. Other roles read.
 * - An evaluation may be held in any phase (the notice's "定期"), so rectification can start from any
 *   of the three phases; the pilot remembers which and returns to it when the re-assessment passes.
 * - Suspension needs a reason the notice gives: the deadline has passed, or the re-assessment failed
 *   ("整改仍达不到要求的"). Cancellation with a public notice (通报取消) follows a suspension.
 * - Defaults of the calendar: implementation from approval; mid-term evaluation in the second half
 *   of year two (July–December); summary from October of year three to March of the next year, when
 *   year three's statistics are out; 12 months to rectify, as the manufacturing-innovation-centre
 *   assessment gives a 不合格 centre one year (monitoring.md).
 */
import { z } from 'zod';
import type { Role } from '../roles/roles.js';
import type { Grade } from './evaluation.js';
import type { PilotPeriod } from './indicators.js';

import { PILOT_STATES, type PilotState } from './pilot-states.js';
export { PILOT_STATES, type PilotState };

/** The three phases of the cycle, the states a rectification can return to. */
export const PILOT_PHASES = ['implementation', 'midterm', 'summary'] as const;
export type PilotPhase = (typeof PILOT_PHASES)[number];

export const PILOT_STATE_LABELS: Record<PilotState, { zh: string; en: string; color: string }> = {
  implementation: { zh: '创建实施', en: 'Implementation', color: 'processing' },
  midterm: { zh: '中期评估', en: 'Mid-term evaluation', color: 'cyan' },
  summary: { zh: '总结示范', en: 'Summary and demonstration', color: 'purple' },
  completed: { zh: '示范城市', en: 'Demonstration city', color: 'green' },
  rectification: { zh: '限期整改', en: 'Rectification with a deadline', color: 'warning' },
  suspended: { zh: '中止', en: 'Suspended', color: 'error' },
  cancelled: { zh: '通报取消', en: 'Cancelled with a public notice', color: 'red' },
};

/** Named apart from permissions/pilot-scope's PilotAction (what a user may do with a pilot record). */
export const PILOT_LIFECYCLE_ACTIONS = [
  'open_midterm',
  'open_summary',
  'confirm_demonstration',
  'order_rectification',
  'submit_rectification_report',
  'pass_rectification',
  'suspend',
  'cancel',
] as const;
export type PilotLifecycleAction = (typeof PILOT_LIFECYCLE_ACTIONS)[number];

export const PILOT_LIFECYCLE_ACTION_LABELS: Record<PilotLifecycleAction, { zh: string; en: string }> = {
  open_midterm: { zh: '启动中期评估', en: 'Open the mid-term evaluation' },
  open_summary: { zh: '转入总结示范', en: 'Move to summary and demonstration' },
  confirm_demonstration: { zh: '验收通过,确认示范城市', en: 'Accept as demonstration city' },
  order_rectification: { zh: '下达限期整改', en: 'Order rectification with a deadline' },
  submit_rectification_report: { zh: '提交整改报告', en: 'Submit the rectification report' },
  pass_rectification: { zh: '整改复核通过', en: 'Pass the rectification re-assessment' },
  suspend: { zh: '中止试点', en: 'Suspend the pilot' },
  cancel: { zh: '通报取消试点', en: 'Cancel the pilot with a public notice' },
};

/** Facts about one pilot that the guards need; gathered by the server (the clock stays there). */
export interface PilotFacts {
  /** The scheduled start of the next phase (phaseSchedule) has been reached. */
  nextPhaseDue: boolean;
  /** Grade of the latest evaluation in the current phase; a passed re-assessment counts as the latest. */
  evaluationGrade: Grade | null;
  /** Under rectification: the phase the pilot left. */
  returnPhase: PilotPhase | null;
  rectificationReportSubmitted: boolean;
  /** Grade of the rectification re-assessment (复核), null until it is held. */
  reassessmentGrade: Grade | null;
  rectificationDeadlinePassed: boolean;
  /**
   * The ministry documents off-track (滞后) indicators of the latest confirmed reports as its findings:
   * the notice's "评估结果未达要求" covers attainment measured between evaluations too, so a case may be
   * opened from them without waiting for the next evaluation. Optional: absent means false.
   */
  indicatorsOffTrack?: boolean;
}

export type PilotGuardFailure =
  | 'PHASE_NOT_DUE'
  | 'EVALUATION_MISSING'
  | 'EVALUATION_FAILED'
  | 'EVALUATION_NOT_FAILED'
  | 'RECTIFICATION_REPORT_MISSING'
  | 'REASSESSMENT_MISSING'
  | 'REASSESSMENT_FAILED'
  | 'RETURN_PHASE_UNKNOWN'
  | 'RECTIFICATION_PENDING';

export const PILOT_GUARD_LABELS: Record<PilotGuardFailure, { zh: string; en: string }> = {
  PHASE_NOT_DUE: { zh: '尚未到下一阶段的计划开始时间。', en: 'The next phase is not due yet.' },
  EVALUATION_MISSING: { zh: '本阶段尚无考核评估结果。', en: 'No evaluation of this phase is on record.' },
  EVALUATION_FAILED: { zh: '本阶段考核评估不合格,应先限期整改。', en: 'This phase’s evaluation failed; rectification comes first.' },
  EVALUATION_NOT_FAILED: {
    zh: '只有考核评估不合格或指标滞后时才能下达限期整改。',
    en: 'Rectification is ordered only after a failed evaluation or on off-track indicators.',
  },
  RECTIFICATION_REPORT_MISSING: { zh: '城市尚未提交整改报告。', en: 'The city has not submitted its rectification report.' },
  REASSESSMENT_MISSING: { zh: '尚未进行整改复核。', en: 'The re-assessment has not been held.' },
  REASSESSMENT_FAILED: { zh: '整改复核不合格。', en: 'The re-assessment failed.' },
  RETURN_PHASE_UNKNOWN: { zh: '未记录整改前所处阶段。', en: 'The phase before rectification is not recorded.' },
  RECTIFICATION_PENDING: {
    zh: '整改期限未到且复核未判定不合格,不能中止。',
    en: 'The deadline has not passed and no re-assessment has failed: the pilot cannot be suspended.',
  },
};

export interface PilotTransitionRule {
  action: PilotLifecycleAction;
  from: readonly PilotState[];
  roles: readonly Role[];
  /** Target state; a function where it depends on the facts. */
  to: PilotState | ((facts: PilotFacts, from: PilotState) => PilotState);
  guard?: (facts: PilotFacts) => PilotGuardFailure | null;
}

const phaseEvaluationPassed = (f: PilotFacts): PilotGuardFailure | null =>
  f.evaluationGrade === null ? 'EVALUATION_MISSING' : f.evaluationGrade === 'fail' ? 'EVALUATION_FAILED' : null;

export const PILOT_LIFECYCLE: readonly PilotTransitionRule[] = [
  {
    action: 'open_midterm',
    from: ['implementation'],
    roles: ['ministry_planning'],
    to: 'midterm',
    // A yearly evaluation is not required before the mid-term, but a failed one must be rectified first.
    guard: (f) => (!f.nextPhaseDue ? 'PHASE_NOT_DUE' : f.evaluationGrade === 'fail' ? 'EVALUATION_FAILED' : null),
  },
  {
    action: 'open_summary',
    from: ['midterm'],
    roles: ['ministry_planning'],
    to: 'summary',
    guard: (f) => (!f.nextPhaseDue ? 'PHASE_NOT_DUE' : phaseEvaluationPassed(f)),
  },
  // The summary's evaluation is the acceptance (评估验收): no calendar guard, the ministry decides when it is done.
  { action: 'confirm_demonstration', from: ['summary'], roles: ['ministry_planning'], to: 'completed', guard: phaseEvaluationPassed },
  {
    action: 'order_rectification',
    from: PILOT_PHASES,
    roles: ['ministry_planning'],
    to: 'rectification',
    guard: (f) => (f.evaluationGrade === 'fail' || f.indicatorsOffTrack === true ? null : 'EVALUATION_NOT_FAILED'),
  },
  { action: 'submit_rectification_report', from: ['rectification'], roles: ['city_applicant'], to: 'rectification' },
  {
    action: 'pass_rectification',
    from: ['rectification'],
    roles: ['ministry_planning'],
    to: (f) => f.returnPhase ?? 'rectification',
    guard: (f) => {
      if (f.returnPhase === null) return 'RETURN_PHASE_UNKNOWN';
      if (!f.rectificationReportSubmitted) return 'RECTIFICATION_REPORT_MISSING';
      if (f.reassessmentGrade === null) return 'REASSESSMENT_MISSING';
      return f.reassessmentGrade === 'fail' ? 'REASSESSMENT_FAILED' : null;
    },
  },
  {
    action: 'suspend',
    from: ['rectification'],
    roles: ['ministry_planning'],
    to: 'suspended',
    guard: (f) => (f.rectificationDeadlinePassed || f.reassessmentGrade === 'fail' ? null : 'RECTIFICATION_PENDING'),
  },
  { action: 'cancel', from: ['suspended'], roles: ['ministry_planning'], to: 'cancelled' },
];

export type PilotTransitionResult =
  | {
      ok: true;
      to: PilotState;
      /** What the pilot's stored return phase becomes: set on entering rectification, cleared on leaving it. */
      returnPhase: PilotPhase | null;
    }
  | { ok: false; reason: 'FORBIDDEN' | 'INVALID_TRANSITION' | PilotGuardFailure };

function isPhase(state: PilotState): state is PilotPhase {
  return (PILOT_PHASES as readonly PilotState[]).includes(state);
}

/** Decides one transition. Role before state, so that a stranger learns nothing from the error. */
export function decidePilotTransition(state: PilotState, action: PilotLifecycleAction, role: Role, facts: PilotFacts): PilotTransitionResult {
  const rule = PILOT_LIFECYCLE.find((r) => r.action === action);
  if (!rule || !rule.roles.includes(role)) return { ok: false, reason: 'FORBIDDEN' };
  if (!rule.from.includes(state)) return { ok: false, reason: 'INVALID_TRANSITION' };
  const failure = rule.guard?.(facts) ?? null;
  if (failure) return { ok: false, reason: failure };
  const to = typeof rule.to === 'function' ? rule.to(facts, state) : rule.to;
  const returnPhase = to === 'rectification' ? (state === 'rectification' ? facts.returnPhase : isPhase(state) ? state : null) : null;
  return { ok: true, to, returnPhase };
}

export interface PilotActionOption {
  action: PilotLifecycleAction;
  /** Why the action is not possible now; null when it is. */
  blockedBy: PilotGuardFailure | null;
}

/**
 * The actions the role may take in this state, with each guard's verdict: the web shows a blocked
 * action disabled, with the reason's label. Order follows the table.
 */
export function allowedActions(role: Role, state: PilotState, facts: PilotFacts): PilotActionOption[] {
  return PILOT_LIFECYCLE.filter((r) => r.roles.includes(role) && r.from.includes(state)).map((r) => ({
    action: r.action,
    blockedBy: r.guard?.(facts) ?? null,
  }));
}

export function isTerminal(state: PilotState): boolean {
  return state === 'completed' || state === 'cancelled';
}

// ---------------------------------------------------------------------------------------------
// Calendar of the phases.

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const phaseWindowSchema = (yearDefault: number, startMonth: number, months: number) =>
  z
    .object({
      /** Year of the period (1, 2 or 3) in which the phase starts. */
      periodYear: z.number().int().min(1).max(3).default(yearDefault),
      startMonth: z.number().int().min(1).max(12).default(startMonth),
      /** Length in whole months. */
      months: z.number().int().min(1).max(24).default(months),
    })
    .prefault({});

export const phaseScheduleConfigSchema = z
  .object({
    midterm: phaseWindowSchema(2, 7, 6),
    summary: phaseWindowSchema(3, 10, 6),
    rectificationMonths: z.number().int().min(1).max(36).default(12),
  })
  .superRefine((c, ctx) => {
    const startIndex = (w: { periodYear: number; startMonth: number }): number => w.periodYear * 12 + w.startMonth;
    if (startIndex(c.midterm) + c.midterm.months > startIndex(c.summary)) {
      ctx.addIssue({ code: 'custom', path: ['summary'], message: 'the summary must start after the mid-term evaluation ends' });
    }
  });
export type PhaseScheduleConfig = z.output<typeof phaseScheduleConfigSchema>;
export type PhaseScheduleConfigInput = z.input<typeof phaseScheduleConfigSchema>;

export const DEFAULT_PHASE_SCHEDULE_CONFIG: PhaseScheduleConfig = phaseScheduleConfigSchema.parse({});

export interface PhaseWindow {
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
}

export interface PhaseSchedule {
  implementation: PhaseWindow;
  midterm: PhaseWindow;
  summary: PhaseWindow;
  /** First day after the summary: from here the pilot can be a demonstration city. */
  completedFrom: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(date: IsoDate): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`no such date: "${date}"`);
  }
  return { y, m, d };
}

function formatUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** First day of the month `offset` months after (year, month). */
function monthStart(year: number, month: number, offset = 0): Date {
  return new Date(Date.UTC(year, month - 1 + offset, 1));
}

function dayBefore(date: Date): Date {
  return new Date(date.getTime() - 86_400_000);
}

/** Adds whole months to a date, keeping the day or the month's last day (2019-01-31 + 1 month → 2019-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return formatUtc(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

/**
 * The calendar of the phases of one pilot. Throws a RangeError on a malformed date or when the
 * approval does not come before the mid-term start (the configuration cannot fit that pilot).
 */
export function phaseSchedule(period: PilotPeriod, configInput: PhaseScheduleConfigInput, approvalDate: IsoDate): PhaseSchedule {
  const config = phaseScheduleConfigSchema.parse(configInput);
  if (period[1] !== period[0] + 1 || period[2] !== period[1] + 1) throw new RangeError(`the period must be three consecutive years: ${period.join(', ')}`);
  parseIsoDate(approvalDate);
  const startOf = (w: PhaseScheduleConfig['midterm']): Date => monthStart(period[w.periodYear - 1]!, w.startMonth);
  const midStart = startOf(config.midterm);
  const midEnd = monthStart(midStart.getUTCFullYear(), midStart.getUTCMonth() + 1, config.midterm.months);
  const sumStart = startOf(config.summary);
  const sumEnd = monthStart(sumStart.getUTCFullYear(), sumStart.getUTCMonth() + 1, config.summary.months);
  if (approvalDate >= formatUtc(midStart)) {
    throw new RangeError(`approval ${approvalDate} is not before the mid-term evaluation starts (${formatUtc(midStart)})`);
  }
  return {
    implementation: { start: approvalDate, end: formatUtc(dayBefore(midStart)) },
    midterm: { start: formatUtc(midStart), end: formatUtc(dayBefore(midEnd)) },
    summary: { start: formatUtc(sumStart), end: formatUtc(dayBefore(sumEnd)) },
    completedFrom: formatUtc(sumEnd),
  };
}

/**
 * The phase the calendar says a date falls in, or null before approval. Between the mid-term and
 * the summary the pilot keeps implementing, which counts as 'midterm' (its evaluation is behind it).
 */
export function scheduledPhaseOn(schedule: PhaseSchedule, date: IsoDate): PilotPhase | 'completed' | null {
  parseIsoDate(date);
  if (date < schedule.implementation.start) return null;
  if (date < schedule.midterm.start) return 'implementation';
  if (date < schedule.summary.start) return 'midterm';
  if (date < schedule.completedFrom) return 'summary';
  return 'completed';
}

/** The `nextPhaseDue` fact for a pilot in `state` on `date`. */
export function isNextPhaseDue(schedule: PhaseSchedule, state: PilotState, date: IsoDate): boolean {
  parseIsoDate(date);
  if (state === 'implementation') return date >= schedule.midterm.start;
  if (state === 'midterm') return date >= schedule.summary.start;
  if (state === 'summary') return date >= schedule.completedFrom;
  return false;
}

/** The deadline of a rectification ordered on `orderDate`. */
export function rectificationDeadline(orderDate: IsoDate, configInput: PhaseScheduleConfigInput = {}): IsoDate {
  return addMonths(orderDate, phaseScheduleConfigSchema.parse(configInput).rectificationMonths);
}
