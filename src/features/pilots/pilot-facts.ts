/**
 * The facts the pilot lifecycle's guards need (shared/monitoring/pilot-lifecycle.ts `PilotFacts`),
 * worked out from the records the server reads: the calendar, when the pilot entered its phase, the
 * decided evaluations and the rectification cases. Pure, so the rule "which evaluation counts" is
 * tested once here and the queries only fetch rows.
 *
 * Decisions:
 * - "The latest evaluation in the current phase" is the latest decided evaluation since the pilot last
 *   entered that phase (open_midterm / open_summary; the implementation phase runs from approval). A
 *   rectification case passed since then counts as an evaluation with its re-assessment grade, so a
 *   pilot that failed and then rectified may move on. The instants compared are all on the server's
 *   clock: the evaluations and rectification features write decidedAt and reassessedAt from it, and
 *   transitionPilot keeps the clock's instant of a phase entry in its event's data (`at`), so a test
 *   under a manual clock and production agree. At the same instant an evaluation counts for the phase
 *   just entered.
 * - Under rectification (or suspended after it) the phase in question is the one the pilot left, and
 *   the case in question is the latest one opened.
 * - A case counts as answered once the city has responded (respondedAt) or the case has moved past
 *   'open'; its deadline has passed from the day after it.
 * - A pilot stored without a calendar gets one from the configured defaults; when the configuration
 *   cannot fit the pilot (an approval after the configured mid-term start), the built-in defaults are
 *   tried, and failing those the pilot has no calendar (no phase is ever "due").
 */
import { GRADES, type Grade } from '../../shared/monitoring/evaluation.js';
import {
  DEFAULT_PHASE_SCHEDULE_CONFIG,
  isNextPhaseDue,
  PILOT_PHASES,
  phaseSchedule,
  type IsoDate,
  type PhaseSchedule,
  type PhaseScheduleConfigInput,
  type PilotFacts,
  type PilotPhase,
  type PilotState,
} from '../../shared/monitoring/pilot-lifecycle.js';

export interface FactRecords {
  state: PilotState;
  resumePhase: string | null;
  schedule: PhaseSchedule | null;
  today: IsoDate;
  /** Entries into a phase: the events open_midterm (to 'midterm') and open_summary (to 'summary'). */
  phaseEntries: readonly { toState: string | null; at: Date }[];
  evaluations: readonly { grade: string | null; decidedAt: Date | null }[];
  cases: readonly {
    status: string;
    resumePhase: string;
    deadline: string;
    respondedAt: Date | null;
    reassessmentGrade: string | null;
    reassessedAt: Date | null;
    createdAt: Date;
  }[];
}

const asGrade = (g: string | null): Grade | null => ((GRADES as readonly string[]).includes(g ?? '') ? (g as Grade) : null);
const asPhase = (p: string | null | undefined): PilotPhase | null => ((PILOT_PHASES as readonly string[]).includes(p ?? '') ? (p as PilotPhase) : null);

/** The phase whose evaluations decide: the current one, or the one a rectification left. */
function phaseInQuestion(state: PilotState, resumePhase: PilotPhase | null): PilotPhase | null {
  return asPhase(state) ?? resumePhase;
}

export function pilotFacts(r: FactRecords): PilotFacts {
  const latestCase = [...r.cases].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null;
  const underCase = r.state === 'rectification' || r.state === 'suspended';
  const current = underCase ? latestCase : null;
  const returnPhase = asPhase(r.resumePhase) ?? asPhase(current?.resumePhase);

  const phase = phaseInQuestion(r.state, returnPhase);
  let since: number | null = null;
  if (phase === 'midterm' || phase === 'summary') {
    const entries = r.phaseEntries.filter((e) => e.toState === phase).map((e) => e.at.getTime());
    since = entries.length > 0 ? Math.max(...entries) : null;
  }
  const inPhase = (at: Date | null): at is Date => at !== null && (since === null || at.getTime() >= since);
  const graded: { at: number; grade: Grade; rank: number }[] = [];
  for (const e of r.evaluations) {
    const grade = asGrade(e.grade);
    if (grade && inPhase(e.decidedAt)) graded.push({ at: e.decidedAt.getTime(), grade, rank: 0 });
  }
  for (const c of r.cases) {
    const grade = asGrade(c.reassessmentGrade);
    if (c.status === 'passed' && grade && inPhase(c.reassessedAt)) graded.push({ at: c.reassessedAt.getTime(), grade, rank: 1 });
  }
  // Latest first; at the same instant the re-assessment, which comes after the evaluation it answers.
  graded.sort((a, b) => b.at - a.at || b.rank - a.rank);

  return {
    nextPhaseDue: r.schedule !== null && isNextPhaseDue(r.schedule, r.state, r.today),
    evaluationGrade: graded[0]?.grade ?? null,
    returnPhase,
    rectificationReportSubmitted: current !== null && (current.respondedAt !== null || current.status !== 'open'),
    reassessmentGrade: current ? asGrade(current.reassessmentGrade) : null,
    rectificationDeadlinePassed: current !== null && r.today > current.deadline,
  };
}

/** The pilot's calendar: the configured one, else the built-in defaults, else none (see the header). */
export function scheduleFor(period: readonly [number, number, number], approvalDate: IsoDate, config: PhaseScheduleConfigInput): PhaseSchedule | null {
  for (const c of [config, DEFAULT_PHASE_SCHEDULE_CONFIG]) {
    try {
      return phaseSchedule(period, c, approvalDate);
    } catch {
      // try the next configuration
    }
  }
  return null;
}
