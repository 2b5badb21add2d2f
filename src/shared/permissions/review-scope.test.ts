import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES, type ApplicationState } from '../lifecycle/application-lifecycle.js';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import {
  canDiscuss,
  canReadPlan,
  canSeeAssignment,
  canSeePanelScores,
  declareRefusal,
  memberAbilities,
  opinionRefusal,
  promoteRefusal,
  recuseRefusal,
  rescoreRefusal,
  reviewAbilities,
  scoreRefusal,
  seatAbilities,
  type SeatFacts,
} from './review-scope.js';

const actor = (role: Role): Actor => ({ id: 'u', role, organisationId: 'o', divisionCode: '110000', authorityId: null });
const seat = (patch: Partial<SeatFacts> = {}): SeatFacts => ({ role: 'member', declared: false, recused: false, submitted: false, ...patch });
const OPEN = { status: 'open' };
const CLOSED = { status: 'closed' };

/** The seat an expert holds as it moves along, with what the expert may do at each step. */
const SEAT_TABLE: [name: string, seat: SeatFacts, panel: { status: string }, abilities: string[]][] = [
  ['member, not yet declared', seat(), OPEN, ['declare', 'recuse']],
  ['member, declared', seat({ declared: true }), OPEN, ['recuse', 'score']],
  ['member, scored this round', seat({ declared: true, submitted: true }), OPEN, ['recuse', 'viewScores']],
  ['member, recused', seat({ recused: true }), OPEN, []],
  ['member, declared then recused', seat({ declared: true, recused: true }), OPEN, []],
  ['backup, not yet declared', seat({ role: 'backup' }), OPEN, ['declare', 'recuse']],
  ['backup, declared', seat({ role: 'backup', declared: true }), OPEN, ['recuse']],
  ['member, panel closed', seat(), CLOSED, []],
  ['member, declared, panel closed', seat({ declared: true }), CLOSED, []],
  ['member, scored, panel closed', seat({ declared: true, submitted: true }), CLOSED, ['viewScores']],
];

describe('review scope: the expert and their seat', () => {
  it.each(SEAT_TABLE)('%s', (_name, s, panel, abilities) => {
    expect(seatAbilities(actor('expert'), s, panel)).toEqual(abilities);
  });

  it('a panel exists for an expert only through their own seat; other roles never see it this way', () => {
    for (const role of ROLES) {
      expect(canSeeAssignment(actor(role), seat())).toBe(role === 'expert');
      expect(canSeeAssignment(actor(role), null)).toBe(false);
      expect(seatAbilities(actor(role), seat(), OPEN)).toEqual(role === 'expert' ? ['declare', 'recuse'] : []);
    }
  });

  it('the plan opens with the declaration and closes with a recusal', () => {
    expect(canReadPlan(seat())).toBe(false);
    expect(canReadPlan(seat({ declared: true }))).toBe(true);
    expect(canReadPlan(seat({ declared: true, recused: true }))).toBe(false);
  });

  it('refuses scoring in the order the expert meets the reasons', () => {
    expect(scoreRefusal(seat({ recused: true, role: 'backup' }), CLOSED)).toBe('RECUSED');
    expect(scoreRefusal(seat({ role: 'backup', declared: true }), OPEN)).toBe('FORBIDDEN');
    expect(scoreRefusal(seat(), OPEN)).toBe('DECLARATION_REQUIRED');
    expect(scoreRefusal(seat({ declared: true }), CLOSED)).toBe('INVALID_TRANSITION');
    expect(scoreRefusal(seat({ declared: true }), OPEN)).toBeNull();
  });

  it('a recused seat can neither declare nor recuse again', () => {
    expect(declareRefusal(seat({ recused: true }))).toBe('RECUSED');
    expect(recuseRefusal(seat({ recused: true }))).toBe('RECUSED');
    expect(declareRefusal(seat())).toBeNull();
    expect(recuseRefusal(seat({ declared: true }))).toBeNull();
  });
});

describe('review scope: score visibility', () => {
  it.each(ROLES.map((r) => [r] as const))('%s', (role) => {
    const a = actor(role);
    const ministry = role === 'ministry_planning' || role === 'ministry_department';
    // The ministry's reviewing roles see the scores of every application they see, and no other.
    expect(canSeePanelScores(a, { seesApplication: true, seat: null })).toBe(ministry);
    expect(canSeePanelScores(a, { seesApplication: false, seat: null })).toBe(false);
    // An expert sees the panel's scores only after submitting their own, on their own panel.
    expect(canSeePanelScores(a, { seesApplication: false, seat: seat({ declared: true, submitted: true }) })).toBe(role === 'expert');
    expect(canSeePanelScores(a, { seesApplication: false, seat: seat({ declared: true }) })).toBe(false);
  });
});

describe('review scope: discussion', () => {
  it.each(ROLES.map((r) => [r] as const))('%s', (role) => {
    const a = actor(role);
    const ministry = role === 'ministry_planning' || role === 'ministry_department';
    expect(canDiscuss(a, { seesApplication: true, seat: null })).toBe(ministry);
    expect(canDiscuss(a, { seesApplication: false, seat: null })).toBe(false);
    expect(canDiscuss(a, { seesApplication: false, seat: seat({ declared: true }) })).toBe(role === 'expert');
    expect(canDiscuss(a, { seesApplication: false, seat: seat() })).toBe(false);
    expect(canDiscuss(a, { seesApplication: false, seat: seat({ declared: true, recused: true }) })).toBe(false);
  });
});

describe('review scope: the ministry on an application it sees', () => {
  const facts = (status: ApplicationState, panel: { status: string } | null, scoresOutstanding = 0) => ({ status, panel, scoresOutstanding });

  /** role × state → abilities, with the panel an application in that state has. */
  const EXPECTED: Partial<Record<Role, Partial<Record<ApplicationState, string[]>>>> = {
    ministry_planning: {
      received: ['confirm', 'discuss', 'decide'],
      under_review: ['rescore', 'discuss', 'approve', 'decide', 'exportScores'],
      approved: ['discuss', 'exportScores'],
      rejected: ['discuss', 'exportScores'],
    },
    ministry_department: {
      received: ['opinion', 'discuss'],
      under_review: ['opinion', 'discuss', 'exportScores'],
      approved: ['discuss', 'exportScores'],
      rejected: ['discuss', 'exportScores'],
    },
  };

  for (const role of ROLES) {
    for (const status of APPLICATION_STATES) {
      const panel = status === 'under_review' ? OPEN : status === 'approved' || status === 'rejected' ? CLOSED : null;
      const expected = EXPECTED[role]?.[status] ?? (role === 'ministry_planning' || role === 'ministry_department' ? ['discuss', ...(panel ? ['exportScores'] : [])] : []);
      it(`${role} on ${status}`, () => {
        expect(reviewAbilities(actor(role), facts(status, panel))).toEqual(expected);
      });
    }
  }

  it('approval waits for every member to score; returning and rejecting do not', () => {
    const a = reviewAbilities(actor('ministry_planning'), facts('under_review', OPEN, 2));
    expect(a).not.toContain('approve');
    expect(a).toContain('decide');
  });

  it('a re-score needs an open panel on an application under review', () => {
    expect(rescoreRefusal(facts('under_review', OPEN))).toBeNull();
    expect(rescoreRefusal(facts('under_review', CLOSED))).toBe('INVALID_TRANSITION');
    expect(rescoreRefusal(facts('under_review', null))).toBe('INVALID_TRANSITION');
    expect(rescoreRefusal(facts('received', null))).toBe('INVALID_TRANSITION');
  });

  it('opinions are taken while the ministry reviews', () => {
    for (const s of APPLICATION_STATES) expect(opinionRefusal(s)).toBe(s === 'received' || s === 'under_review' ? null : 'INVALID_TRANSITION');
  });

  it('only the planning department seats a backup, who has not recused, while the review runs', () => {
    const backup = { role: 'backup', recused: false };
    expect(promoteRefusal({ status: 'under_review', seat: backup })).toBeNull();
    expect(promoteRefusal({ status: 'received', seat: backup })).toBe('INVALID_TRANSITION');
    expect(promoteRefusal({ status: 'under_review', seat: { role: 'member', recused: false } })).toBe('NOT_FOUND');
    expect(promoteRefusal({ status: 'under_review', seat: null })).toBe('NOT_FOUND');
    expect(promoteRefusal({ status: 'under_review', seat: { role: 'backup', recused: true } })).toBe('RECUSED');
    for (const role of ROLES) {
      expect(memberAbilities(actor(role), { status: 'under_review', seat: backup })).toEqual(role === 'ministry_planning' ? ['promote'] : []);
      expect(memberAbilities(actor(role), { status: 'under_review', seat: { role: 'member', recused: false } })).toEqual([]);
    }
  });
});
