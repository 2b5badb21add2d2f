import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES, type ApplicationState } from '../lifecycle/application-lifecycle.js';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { allowedApplicationActions, applicationAbilities, type ApplicationFacts } from './application-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

/** A Hangzhou application (reviewed by 浙江); 浙江 still has to decide while it is submitted. */
function hangzhouApp(status: ApplicationState, pending = status === 'submitted'): ApplicationFacts {
  const forwarded = !['draft', 'submitted', 'returned'].includes(status);
  return { status, cityCodes: ['330100'], authorityIds: ['330000'], forwardedAt: forwarded ? '2016-08-01T00:00:00.000Z' : null, actorAuthorityPending: pending };
}

const ACTORS: Record<string, Actor> = {
  'own city': actor('city_applicant', '330100'),
  'other city': actor('city_applicant', '330500'),
  'own province': actor('provincial_authority', '330000', '330000'),
  'other province': actor('provincial_authority', '420000', '420000'),
  'ministry planning': actor('ministry_planning', '110000'),
  'ministry department': actor('ministry_department', '110000'),
  expert: actor('expert', '110000'),
  'leading group': actor('leading_group_observer', '110000'),
  administrator: actor('platform_admin', '110000'),
  'security administrator': actor('security_admin', '110000'),
  'audit administrator': actor('audit_admin', '110000'),
};

const NONE: string[] = [];
const READ_ONLY = ['open', 'export'];
const CITY_EDITS = ['open', 'edit', 'submit', 'export', 'uploadAttachment'];

/** Expected abilities per actor and state; states not named expect `otherwise`. */
const TABLE: Record<string, { otherwise: string[] } & Partial<Record<ApplicationState, string[]>>> = {
  'own city': { otherwise: READ_ONLY, draft: CITY_EDITS, returned: CITY_EDITS },
  'other city': { otherwise: NONE },
  'own province': { otherwise: READ_ONLY, draft: NONE, submitted: ['open', 'forward', 'return', 'export'] },
  'other province': { otherwise: NONE },
  'ministry planning': {
    otherwise: READ_ONLY,
    draft: NONE,
    submitted: NONE,
    returned: NONE,
    forwarded: ['open', 'receive', 'export'],
    received: ['open', 'openReview', 'sendBack', 'reject', 'export'],
    under_review: ['open', 'approve', 'sendBack', 'reject', 'export'],
  },
  'ministry department': { otherwise: READ_ONLY, draft: NONE, submitted: NONE, returned: NONE },
  expert: { otherwise: NONE },
  // The leading group reads approved plans; it has no export.
  'leading group': { otherwise: NONE, approved: ['open'] },
  administrator: { otherwise: NONE },
  'security administrator': { otherwise: NONE },
  'audit administrator': { otherwise: NONE },
};

describe('application abilities', () => {
  for (const [who, a] of Object.entries(ACTORS)) {
    it.each([...APPLICATION_STATES])(`${who}: a %s application`, (state) => {
      const row = TABLE[who]!;
      expect(applicationAbilities(a, hangzhouApp(state))).toEqual(row[state] ?? row.otherwise);
    });
  }

  it('offers forward and return only while the actor’s own authority still has to decide', () => {
    const province = ACTORS['own province']!;
    expect(allowedApplicationActions(province, hangzhouApp('submitted', true))).toEqual(['forward', 'return']);
    expect(allowedApplicationActions(province, hangzhouApp('submitted', false))).toEqual([]);
    expect(applicationAbilities(province, hangzhouApp('submitted', false))).toEqual(['open', 'export']);
  });

  it('gives the lifecycle actions of the detail in the lifecycle’s names', () => {
    expect(allowedApplicationActions(ACTORS['own city']!, hangzhouApp('draft'))).toEqual(['save', 'submit']);
    expect(allowedApplicationActions(ACTORS['ministry planning']!, hangzhouApp('received'))).toEqual(['open_review', 'send_back', 'reject']);
    expect(allowedApplicationActions(ACTORS['other city']!, hangzhouApp('draft'))).toEqual([]);
  });

  it('covers every role', () => {
    expect(new Set(Object.values(ACTORS).map((a) => a.role))).toEqual(new Set(ROLES));
  });
});
