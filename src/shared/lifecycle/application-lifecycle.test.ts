import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles/roles.js';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  availableActions,
  decideTransition,
  type ApplicationAction,
  type ApplicationState,
  type TransitionContext,
} from './application-lifecycle.js';

const clean: TransitionContext = { blockingFindings: 0, actorAuthorityPending: true, otherAuthoritiesPending: 0 };

/** The expected table, written out independently of the lifecycle definition. */
const EXPECTED: Record<string, ApplicationState> = {
  'draft/save/city_applicant': 'draft',
  'returned/save/city_applicant': 'returned',
  'draft/submit/city_applicant': 'submitted',
  'returned/submit/city_applicant': 'submitted',
  'submitted/forward/provincial_authority': 'forwarded',
  'submitted/return/provincial_authority': 'returned',
  'forwarded/receive/ministry_planning': 'received',
  'received/open_review/ministry_planning': 'under_review',
  'under_review/approve/ministry_planning': 'approved',
  'received/send_back/ministry_planning': 'returned',
  'under_review/send_back/ministry_planning': 'returned',
  'received/reject/ministry_planning': 'rejected',
  'under_review/reject/ministry_planning': 'rejected',
};

const ACTION_ROLE: Record<ApplicationAction, Role> = {
  save: 'city_applicant',
  submit: 'city_applicant',
  forward: 'provincial_authority',
  return: 'provincial_authority',
  receive: 'ministry_planning',
  open_review: 'ministry_planning',
  approve: 'ministry_planning',
  send_back: 'ministry_planning',
  reject: 'ministry_planning',
};

describe('application lifecycle: every state × action × role', () => {
  for (const state of APPLICATION_STATES) {
    for (const action of APPLICATION_ACTIONS) {
      for (const role of ROLES) {
        const key = `${state}/${action}/${role}`;
        it(key, () => {
          const result = decideTransition(state, action, role, clean);
          const expected = EXPECTED[key];
          if (expected) {
            expect(result).toEqual({ ok: true, to: expected });
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

describe('guards', () => {
  it('refuses submission while the checker reports blocking findings', () => {
    expect(decideTransition('draft', 'submit', 'city_applicant', { ...clean, blockingFindings: 2 })).toEqual({
      ok: false,
      reason: 'PLAN_HAS_BLOCKING_FINDINGS',
    });
  });
  it('keeps a cross-province cluster at the provinces until the last one forwards', () => {
    expect(decideTransition('submitted', 'forward', 'provincial_authority', { ...clean, otherAuthoritiesPending: 1 })).toEqual({
      ok: true,
      to: 'submitted',
    });
  });
  it('refuses approval while panel members still owe their scores', () => {
    expect(decideTransition('under_review', 'approve', 'ministry_planning', { ...clean, scoresOutstanding: 1 })).toEqual({
      ok: false,
      reason: 'SCORES_INCOMPLETE',
    });
  });
  it('refuses a province that has already decided', () => {
    for (const action of ['forward', 'return'] as const) {
      expect(decideTransition('submitted', action, 'provincial_authority', { ...clean, actorAuthorityPending: false })).toEqual({
        ok: false,
        reason: 'ALREADY_DECIDED',
      });
    }
  });
  it('checks the role before the state, so strangers learn nothing of the state', () => {
    expect(decideTransition('received', 'submit', 'expert', clean)).toEqual({ ok: false, reason: 'FORBIDDEN' });
  });
});

describe('availableActions', () => {
  it('offers the city save and submit on a draft, nothing once submitted', () => {
    expect(availableActions('draft', 'city_applicant')).toEqual(['save', 'submit']);
    expect(availableActions('submitted', 'city_applicant')).toEqual([]);
  });
  it('offers the province forward and return on a submitted application', () => {
    expect(availableActions('submitted', 'provincial_authority')).toEqual(['forward', 'return']);
  });
  it('offers the ministry receipt only when forwarded', () => {
    expect(availableActions('forwarded', 'ministry_planning')).toEqual(['receive']);
    expect(availableActions('received', 'ministry_planning')).toEqual(['open_review', 'send_back', 'reject']);
    expect(availableActions('approved', 'ministry_planning')).toEqual([]);
  });
});
