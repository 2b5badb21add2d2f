import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_SCHEDULE_CONFIG } from '../../shared/monitoring/pilot-lifecycle.js';
import { pilotFacts, scheduleFor, type FactRecords } from './pilot-facts.js';

const schedule = scheduleFor([2017, 2018, 2019], '2016-09-01', DEFAULT_PHASE_SCHEDULE_CONFIG)!;
const at = (iso: string) => new Date(iso);
const records = (r: Partial<FactRecords>): FactRecords => ({
  state: 'implementation',
  resumePhase: null,
  schedule,
  today: '2018-06-01',
  phaseEntries: [],
  evaluations: [],
  cases: [],
  ...r,
});
const kase = (c: Partial<FactRecords['cases'][number]>): FactRecords['cases'][number] => ({
  status: 'open',
  resumePhase: 'midterm',
  deadline: '2019-06-30',
  respondedAt: null,
  reassessmentGrade: null,
  reassessedAt: null,
  createdAt: at('2018-09-01T00:00:00Z'),
  ...c,
});

describe('pilot facts', () => {
  it('reads the calendar on the given date', () => {
    expect(pilotFacts(records({})).nextPhaseDue).toBe(false);
    expect(pilotFacts(records({ today: '2018-07-01' })).nextPhaseDue).toBe(true);
    expect(pilotFacts(records({ state: 'midterm', today: '2018-07-01' })).nextPhaseDue).toBe(false);
    expect(pilotFacts(records({ schedule: null, today: '2030-01-01' })).nextPhaseDue).toBe(false);
  });

  it('takes the latest decided evaluation since the pilot entered its phase', () => {
    const evaluations = [
      { grade: 'fail', decidedAt: at('2018-05-01T00:00:00Z') },
      { grade: 'good', decidedAt: at('2018-10-01T00:00:00Z') },
      { grade: null, decidedAt: at('2018-11-01T00:00:00Z') },
      { grade: 'excellent', decidedAt: null },
    ];
    expect(pilotFacts(records({ evaluations })).evaluationGrade).toBe('good');
    const entries = [{ toState: 'midterm', at: at('2018-07-01T00:00:00Z') }];
    expect(pilotFacts(records({ state: 'midterm', phaseEntries: entries, evaluations: evaluations.slice(0, 1) })).evaluationGrade).toBeNull();
    expect(pilotFacts(records({ state: 'midterm', phaseEntries: entries, evaluations })).evaluationGrade).toBe('good');
    // Entering the summary starts over.
    const summary = [...entries, { toState: 'summary', at: at('2019-10-01T00:00:00Z') }];
    expect(pilotFacts(records({ state: 'summary', phaseEntries: summary, evaluations })).evaluationGrade).toBeNull();
    // An evaluation decided at the very instant the phase was entered (a clock that did not move) counts for it.
    expect(pilotFacts(records({ state: 'summary', phaseEntries: summary, evaluations: [{ grade: 'pass', decidedAt: at('2019-10-01T00:00:00Z') }] })).evaluationGrade).toBe('pass');
  });

  it('counts a passed rectification as the phase result, later than the evaluation it answers', () => {
    const evaluations = [{ grade: 'fail', decidedAt: at('2018-09-01T00:00:00Z') }];
    const passed = kase({ status: 'passed', reassessmentGrade: 'pass', reassessedAt: at('2018-09-01T00:00:00Z') });
    expect(pilotFacts(records({ state: 'midterm', evaluations, cases: [passed] })).evaluationGrade).toBe('pass');
    // A re-assessed case that did not pass is no phase result.
    const failing = kase({ status: 'failed', reassessmentGrade: 'fail', reassessedAt: at('2018-12-01T00:00:00Z') });
    expect(pilotFacts(records({ state: 'midterm', evaluations: [{ grade: 'good', decidedAt: at('2018-08-01T00:00:00Z') }], cases: [failing] })).evaluationGrade).toBe('good');
  });

  it('reads the latest case under rectification: answered, re-assessed, deadline, return phase', () => {
    const older = kase({ createdAt: at('2018-01-01T00:00:00Z'), status: 'passed', respondedAt: at('2018-02-01T00:00:00Z'), reassessmentGrade: 'good' });
    const open = kase({ deadline: '2019-06-30' });
    const f = pilotFacts(records({ state: 'rectification', resumePhase: 'midterm', cases: [older, open], today: '2019-06-30' }));
    expect(f).toMatchObject({ returnPhase: 'midterm', rectificationReportSubmitted: false, reassessmentGrade: null, rectificationDeadlinePassed: false });
    const later = pilotFacts(records({ state: 'rectification', resumePhase: null, cases: [older, kase({ status: 'answered', reassessmentGrade: 'fail' })], today: '2019-07-01' }));
    expect(later).toMatchObject({ returnPhase: 'midterm', rectificationReportSubmitted: true, reassessmentGrade: 'fail', rectificationDeadlinePassed: true });
    // Outside rectification no case is in question.
    expect(pilotFacts(records({ state: 'midterm', cases: [open], today: '2030-01-01' }))).toMatchObject({ rectificationReportSubmitted: false, rectificationDeadlinePassed: false, returnPhase: null });
  });

  it('falls back to the built-in calendar when the configured one cannot fit, and to none at last', () => {
    const late = { midterm: { periodYear: 1, startMonth: 1, months: 6 }, summary: { periodYear: 3, startMonth: 10, months: 6 } };
    expect(scheduleFor([2017, 2018, 2019], '2016-09-01', late)!.midterm.start).toBe('2017-01-01');
    expect(scheduleFor([2017, 2018, 2019], '2017-03-01', late)!.midterm.start).toBe('2018-07-01');
    expect(scheduleFor([2017, 2018, 2019], '2019-01-01', late)).toBeNull();
    expect(scheduleFor([2017, 2019, 2020], '2016-09-01', {})).toBeNull();
  });
});
