import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles/roles.js';
import {
  addMonths,
  allowedActions,
  DEFAULT_PHASE_SCHEDULE_CONFIG,
  decidePilotTransition,
  isNextPhaseDue,
  isTerminal,
  PILOT_LIFECYCLE_ACTION_LABELS,
  PILOT_LIFECYCLE_ACTIONS,
  PILOT_GUARD_LABELS,
  PILOT_STATE_LABELS,
  PILOT_STATES,
  phaseSchedule,
  phaseScheduleConfigSchema,
  rectificationDeadline,
  scheduledPhaseOn,
  type PilotLifecycleAction,
  type PilotFacts,
  type PilotGuardFailure,
  type PilotState,
} from './pilot-lifecycle.js';

const base: PilotFacts = {
  nextPhaseDue: true,
  evaluationGrade: 'good',
  returnPhase: 'midterm',
  rectificationReportSubmitted: true,
  reassessmentGrade: 'pass',
  rectificationDeadlinePassed: false,
};

/** Facts under which each action's guard lets it through. */
const PASSING: Record<PilotLifecycleAction, PilotFacts> = {
  open_midterm: base,
  open_summary: base,
  confirm_demonstration: base,
  order_rectification: { ...base, evaluationGrade: 'fail' },
  submit_rectification_report: base,
  pass_rectification: base,
  suspend: { ...base, rectificationDeadlinePassed: true },
  cancel: base,
};

/** The expected table, written out independently of the lifecycle definition. */
const EXPECTED: Record<string, PilotState> = {
  'implementation/open_midterm/ministry_planning': 'midterm',
  'midterm/open_summary/ministry_planning': 'summary',
  'summary/confirm_demonstration/ministry_planning': 'completed',
  'implementation/order_rectification/ministry_planning': 'rectification',
  'midterm/order_rectification/ministry_planning': 'rectification',
  'summary/order_rectification/ministry_planning': 'rectification',
  'rectification/submit_rectification_report/city_applicant': 'rectification',
  'rectification/pass_rectification/ministry_planning': 'midterm', // the returnPhase of the facts
  'rectification/suspend/ministry_planning': 'suspended',
  'suspended/cancel/ministry_planning': 'cancelled',
};

const ACTION_ROLE: Record<PilotLifecycleAction, Role> = {
  open_midterm: 'ministry_planning',
  open_summary: 'ministry_planning',
  confirm_demonstration: 'ministry_planning',
  order_rectification: 'ministry_planning',
  submit_rectification_report: 'city_applicant',
  pass_rectification: 'ministry_planning',
  suspend: 'ministry_planning',
  cancel: 'ministry_planning',
};

describe('pilot lifecycle: every state × action × role', () => {
  for (const state of PILOT_STATES) {
    for (const action of PILOT_LIFECYCLE_ACTIONS) {
      for (const role of ROLES) {
        const key = `${state}/${action}/${role}`;
        it(key, () => {
          const result = decidePilotTransition(state, action, role, PASSING[action]);
          const expected = EXPECTED[key];
          if (expected) {
            expect(result).toMatchObject({ ok: true, to: expected });
          } else if (role !== ACTION_ROLE[action]) {
            expect(result).toEqual({ ok: false, reason: 'FORBIDDEN' });
          } else {
            expect(result).toEqual({ ok: false, reason: 'INVALID_TRANSITION' });
          }
        });
      }
    }
  }
});

describe('labels', () => {
  it('names every state, action and guard failure in zh and en', () => {
    for (const s of PILOT_STATES) expect(PILOT_STATE_LABELS[s].zh && PILOT_STATE_LABELS[s].en).toBeTruthy();
    for (const a of PILOT_LIFECYCLE_ACTIONS) expect(PILOT_LIFECYCLE_ACTION_LABELS[a].zh && PILOT_LIFECYCLE_ACTION_LABELS[a].en).toBeTruthy();
    for (const g of Object.values(PILOT_GUARD_LABELS)) expect(g.zh && g.en).toBeTruthy();
    expect(PILOT_STATE_LABELS.rectification.zh).toBe('限期整改');
    expect(PILOT_STATE_LABELS.cancelled.zh).toBe('通报取消');
  });
});

describe('rectification remembers the phase it left', () => {
  it('stores the phase on entry, keeps it while the city reports, returns to it on pass', () => {
    for (const phase of ['implementation', 'midterm', 'summary'] as const) {
      const entered = decidePilotTransition(phase, 'order_rectification', 'ministry_planning', { ...base, evaluationGrade: 'fail', returnPhase: null });
      expect(entered).toEqual({ ok: true, to: 'rectification', returnPhase: phase });
      const facts: PilotFacts = { ...base, returnPhase: phase };
      expect(decidePilotTransition('rectification', 'submit_rectification_report', 'city_applicant', facts)).toEqual({
        ok: true,
        to: 'rectification',
        returnPhase: phase,
      });
      expect(decidePilotTransition('rectification', 'pass_rectification', 'ministry_planning', facts)).toEqual({ ok: true, to: phase, returnPhase: null });
    }
  });

  it('clears the remembered phase on suspension', () => {
    expect(decidePilotTransition('rectification', 'suspend', 'ministry_planning', PASSING.suspend)).toEqual({ ok: true, to: 'suspended', returnPhase: null });
  });
});

describe('guards', () => {
  const cases: [PilotState, PilotLifecycleAction, Partial<PilotFacts>, PilotGuardFailure][] = [
    ['implementation', 'open_midterm', { nextPhaseDue: false }, 'PHASE_NOT_DUE'],
    ['implementation', 'open_midterm', { evaluationGrade: 'fail' }, 'EVALUATION_FAILED'],
    ['midterm', 'open_summary', { nextPhaseDue: false }, 'PHASE_NOT_DUE'],
    ['midterm', 'open_summary', { evaluationGrade: null }, 'EVALUATION_MISSING'],
    ['midterm', 'open_summary', { evaluationGrade: 'fail' }, 'EVALUATION_FAILED'],
    ['summary', 'confirm_demonstration', { evaluationGrade: null }, 'EVALUATION_MISSING'],
    ['summary', 'confirm_demonstration', { evaluationGrade: 'fail' }, 'EVALUATION_FAILED'],
    ['midterm', 'order_rectification', { evaluationGrade: 'pass' }, 'EVALUATION_NOT_FAILED'],
    ['midterm', 'order_rectification', { evaluationGrade: null }, 'EVALUATION_NOT_FAILED'],
    ['midterm', 'order_rectification', { evaluationGrade: 'good', indicatorsOffTrack: false }, 'EVALUATION_NOT_FAILED'],
    ['rectification', 'pass_rectification', { returnPhase: null }, 'RETURN_PHASE_UNKNOWN'],
    ['rectification', 'pass_rectification', { rectificationReportSubmitted: false }, 'RECTIFICATION_REPORT_MISSING'],
    ['rectification', 'pass_rectification', { reassessmentGrade: null }, 'REASSESSMENT_MISSING'],
    ['rectification', 'pass_rectification', { reassessmentGrade: 'fail' }, 'REASSESSMENT_FAILED'],
    ['rectification', 'suspend', { rectificationDeadlinePassed: false, reassessmentGrade: 'pass' }, 'RECTIFICATION_PENDING'],
    ['rectification', 'suspend', { rectificationDeadlinePassed: false, reassessmentGrade: null }, 'RECTIFICATION_PENDING'],
  ];
  for (const [state, action, over, reason] of cases) {
    it(`${state}/${action} with ${JSON.stringify(over)} → ${reason}`, () => {
      expect(decidePilotTransition(state, action, 'ministry_planning', { ...PASSING[action], ...over })).toEqual({ ok: false, reason });
    });
  }

  it('opens the mid-term without any earlier evaluation', () => {
    expect(decidePilotTransition('implementation', 'open_midterm', 'ministry_planning', { ...base, evaluationGrade: null })).toMatchObject({ ok: true });
  });

  it('suspends when the re-assessment failed, even before the deadline', () => {
    expect(
      decidePilotTransition('rectification', 'suspend', 'ministry_planning', { ...base, reassessmentGrade: 'fail', rectificationDeadlinePassed: false }),
    ).toMatchObject({ ok: true, to: 'suspended' });
  });

  it('checks the role before the state', () => {
    expect(decidePilotTransition('cancelled', 'cancel', 'expert', base)).toEqual({ ok: false, reason: 'FORBIDDEN' });
  });
});

describe('allowedActions', () => {
  it('offers the ministry the phase actions with the guard verdicts', () => {
    expect(allowedActions('ministry_planning', 'midterm', base)).toEqual([
      { action: 'open_summary', blockedBy: null },
      { action: 'order_rectification', blockedBy: 'EVALUATION_NOT_FAILED' },
    ]);
    expect(allowedActions('ministry_planning', 'midterm', { ...base, evaluationGrade: 'fail' })).toEqual([
      { action: 'open_summary', blockedBy: 'EVALUATION_FAILED' },
      { action: 'order_rectification', blockedBy: null },
    ]);
  });

  it('offers the city only its rectification report', () => {
    expect(allowedActions('city_applicant', 'rectification', base)).toEqual([{ action: 'submit_rectification_report', blockedBy: null }]);
    expect(allowedActions('city_applicant', 'midterm', base)).toEqual([]);
  });

  it('offers the ministry pass and suspend under rectification', () => {
    expect(allowedActions('ministry_planning', 'rectification', base)).toEqual([
      { action: 'pass_rectification', blockedBy: null },
      { action: 'suspend', blockedBy: 'RECTIFICATION_PENDING' },
    ]);
  });

  it('offers nothing to read-only roles or in terminal states', () => {
    for (const state of PILOT_STATES) {
      for (const role of ['expert', 'leading_group_observer', 'platform_admin', 'provincial_authority', 'ministry_department'] as const) {
        expect(allowedActions(role, state, base)).toEqual([]);
      }
    }
    expect(allowedActions('ministry_planning', 'completed', base)).toEqual([]);
    expect(allowedActions('ministry_planning', 'cancelled', base)).toEqual([]);
    expect(isTerminal('completed') && isTerminal('cancelled') && !isTerminal('suspended')).toBe(true);
  });

  it('agrees with decidePilotTransition for every state, role and fact set', () => {
    for (const state of PILOT_STATES) {
      for (const role of ROLES) {
        for (const facts of Object.values(PASSING)) {
          for (const option of allowedActions(role, state, facts)) {
            const result = decidePilotTransition(state, option.action, role, facts);
            expect(result.ok ? null : result.reason).toBe(option.blockedBy);
          }
        }
      }
    }
  });
});

describe('phaseSchedule', () => {
  const period = [2017, 2018, 2019] as const;

  it('defaults: implementation from approval, mid-term in the second half of year two, summary at the end of year three', () => {
    expect(phaseSchedule(period, {}, '2016-08-18')).toEqual({
      implementation: { start: '2016-08-18', end: '2018-06-30' },
      midterm: { start: '2018-07-01', end: '2018-12-31' },
      summary: { start: '2019-10-01', end: '2020-03-31' },
      completedFrom: '2020-04-01',
    });
    expect(DEFAULT_PHASE_SCHEDULE_CONFIG).toEqual({
      midterm: { periodYear: 2, startMonth: 7, months: 6 },
      summary: { periodYear: 3, startMonth: 10, months: 6 },
      rectificationMonths: 12,
    });
  });

  it('is configurable', () => {
    const s = phaseSchedule(period, { midterm: { startMonth: 1, months: 3 }, summary: { startMonth: 12, months: 2 } }, '2017-01-20');
    expect(s.midterm).toEqual({ start: '2018-01-01', end: '2018-03-31' });
    expect(s.summary).toEqual({ start: '2019-12-01', end: '2020-01-31' });
    expect(s.implementation.end).toBe('2017-12-31');
  });

  it('rejects a configuration where the summary starts before the mid-term ends', () => {
    expect(phaseScheduleConfigSchema.safeParse({ midterm: { periodYear: 3, startMonth: 7 }, summary: { startMonth: 10 } }).success).toBe(false);
    expect(phaseScheduleConfigSchema.safeParse({ midterm: { startMonth: 13 } }).success).toBe(false);
  });

  it('rejects malformed dates, a late approval and a broken period', () => {
    expect(() => phaseSchedule(period, {}, '2016-02-30')).toThrow(RangeError);
    expect(() => phaseSchedule(period, {}, '18/08/2016')).toThrow(RangeError);
    expect(() => phaseSchedule(period, {}, '2018-07-01')).toThrow(/not before the mid-term/);
    expect(() => phaseSchedule([2017, 2019, 2020], {}, '2016-08-18')).toThrow(/consecutive/);
  });

  it('says which phase a date falls in and whether the next phase is due', () => {
    const s = phaseSchedule(period, {}, '2016-08-18');
    expect(['2016-08-17', '2016-08-18', '2018-06-30', '2018-07-01', '2019-09-30', '2019-10-01', '2020-03-31', '2020-04-01'].map((d) => scheduledPhaseOn(s, d))).toEqual([
      null,
      'implementation',
      'implementation',
      'midterm',
      'midterm',
      'summary',
      'summary',
      'completed',
    ]);
    expect(isNextPhaseDue(s, 'implementation', '2018-06-30')).toBe(false);
    expect(isNextPhaseDue(s, 'implementation', '2018-07-01')).toBe(true);
    expect(isNextPhaseDue(s, 'midterm', '2019-10-01')).toBe(true);
    expect(isNextPhaseDue(s, 'summary', '2020-03-31')).toBe(false);
    expect(isNextPhaseDue(s, 'rectification', '2030-01-01')).toBe(false);
  });
});

describe('dates', () => {
  it('adds months, keeping the last day of a shorter month', () => {
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2018-11-15', 3)).toBe('2019-02-15');
  });

  it('sets the rectification deadline one year on by default', () => {
    expect(rectificationDeadline('2018-12-20')).toBe('2019-12-20');
    expect(rectificationDeadline('2018-12-20', { rectificationMonths: 6 })).toBe('2019-06-20');
  });
});

describe('rectification on off-track indicators', () => {
  it('opens from any phase when the indicators are off track, whatever the last grade, and remembers the phase', () => {
    for (const phase of ['implementation', 'midterm', 'summary'] as const) {
      for (const grade of [null, 'pass', 'excellent'] as const) {
        const r = decidePilotTransition(phase, 'order_rectification', 'ministry_planning', { ...base, evaluationGrade: grade, indicatorsOffTrack: true });
        expect(r, `${phase} ${grade}`).toEqual({ ok: true, to: 'rectification', returnPhase: phase });
      }
    }
  });
  it('still belongs to the planning department alone, and not outside a phase', () => {
    const facts = { ...base, indicatorsOffTrack: true };
    expect(decidePilotTransition('midterm', 'order_rectification', 'city_applicant', facts)).toEqual({ ok: false, reason: 'FORBIDDEN' });
    expect(decidePilotTransition('suspended', 'order_rectification', 'ministry_planning', facts)).toEqual({ ok: false, reason: 'INVALID_TRANSITION' });
    expect(allowedActions('ministry_planning', 'midterm', facts).find((a) => a.action === 'order_rectification')).toEqual({ action: 'order_rectification', blockedBy: null });
  });
});
