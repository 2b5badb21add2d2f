import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES, type ApplicationState } from '../lifecycle/application-lifecycle.js';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canReadAttachment, canUploadAttachment, decideAttachmentRead, decideAttachmentUpload } from './attachment-scope.js';
import type { ApplicationScope } from './policy.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

/** A Hangzhou application (reviewed by 浙江) in the given state; forwarded once it reached the ministry. */
function hangzhouApp(status: ApplicationState, forwarded = !['draft', 'submitted', 'returned'].includes(status)): ApplicationScope {
  return { status, cityCodes: ['330100'], authorityIds: ['330000'], forwardedAt: forwarded ? '2016-08-01T00:00:00.000Z' : null };
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

// One letter per state, in APPLICATION_STATES order (draft submitted returned forwarded received
// under_review approved rejected): o = allowed, N = not found, F = forbidden, I = not in this state.
const READ: Record<string, string> = {
  'own city': 'oooooooo',
  'other city': 'NNNNNNNN',
  'own province': 'Nooooooo',
  'other province': 'NNNNNNNN',
  'ministry planning': 'NNNooooo',
  'ministry department': 'NNNooooo',
  expert: 'FFFFFFFF',
  'leading group': 'FFFFFFFF',
  administrator: 'FFFFFFFF',
  'security administrator': 'FFFFFFFF',
  'audit administrator': 'FFFFFFFF',
};
const UPLOAD: Record<string, string> = {
  'own city': 'oIoIIIII',
  'other city': 'NNNNNNNN',
  'own province': 'FFFFFFFF',
  'other province': 'FFFFFFFF',
  'ministry planning': 'FFFFFFFF',
  'ministry department': 'FFFFFFFF',
  expert: 'FFFFFFFF',
  'leading group': 'FFFFFFFF',
  administrator: 'FFFFFFFF',
  'security administrator': 'FFFFFFFF',
  'audit administrator': 'FFFFFFFF',
};

const CODE = { o: null, N: 'NOT_FOUND', F: 'FORBIDDEN', I: 'INVALID_TRANSITION' } as const;

function expected(letter: string | undefined) {
  const reason = CODE[letter as keyof typeof CODE];
  return reason === null ? { ok: true } : { ok: false, reason };
}

describe('attachment scope', () => {
  for (const [who, a] of Object.entries(ACTORS)) {
    it.each(APPLICATION_STATES.map((s, i) => [s, i] as const))(`${who}: read and upload on a %s application`, (state, i) => {
      const app = hangzhouApp(state);
      expect(decideAttachmentRead(a, app)).toEqual(expected(READ[who]![i]));
      expect(decideAttachmentUpload(a, app)).toEqual(expected(UPLOAD[who]![i]));
      expect(canReadAttachment(a, app)).toBe(READ[who]![i] === 'o');
      expect(canUploadAttachment(a, app)).toBe(UPLOAD[who]![i] === 'o');
    });
  }

  it('lets the ministry read the files of an application it sent back to the city, and the city upload again', () => {
    const sentBack = hangzhouApp('returned', true);
    expect(canReadAttachment(ACTORS['ministry planning']!, sentBack)).toBe(true);
    expect(canUploadAttachment(ACTORS['own city']!, sentBack)).toBe(true);
  });

  it('lets each member city of a joint application upload to it', () => {
    const joint: ApplicationScope = { status: 'draft', cityCodes: ['330500', '341800'], authorityIds: ['330000', '340000'], forwardedAt: null };
    expect(canUploadAttachment(actor('city_applicant', '341800'), joint)).toBe(true);
    expect(canUploadAttachment(actor('city_applicant', '330100'), joint)).toBe(false);
  });

  it('covers every role', () => {
    expect(new Set(Object.values(ACTORS).map((a) => a.role))).toEqual(new Set(ROLES));
  });
});
