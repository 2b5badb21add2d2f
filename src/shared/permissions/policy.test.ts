import { describe, expect, it } from 'vitest';
import type { ApplicationState } from '../lifecycle/application-lifecycle.js';
import { can, canSeeApplication, PERMISSIONS, permissionsOf, type ApplicationScope } from './policy.js';
import { ROLES, type Actor, type Role } from '../roles/roles.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}
function scope(status: ApplicationState, cityCodes: string[], authorityIds: string[], forwarded = false): ApplicationScope {
  return { status, cityCodes, authorityIds, forwardedAt: forwarded ? new Date() : null };
}

describe('permission policy', () => {
  it('denies by default: an unknown role or permission gets nothing', () => {
    expect(can('nobody' as Role, 'application.read')).toBe(false);
    expect(can('city_applicant', 'no.such' as never)).toBe(false);
  });
  it('grants only known permissions', () => {
    for (const role of ROLES) for (const p of permissionsOf(role)) expect(PERMISSIONS).toContain(p);
  });
  it('gives the workflow actions to exactly one role each', () => {
    const holders = (p: (typeof PERMISSIONS)[number]) => ROLES.filter((r) => can(r, p));
    expect(holders('application.submit')).toEqual(['city_applicant']);
    expect(holders('application.forward')).toEqual(['provincial_authority']);
    expect(holders('application.return')).toEqual(['provincial_authority']);
    expect(holders('application.receive')).toEqual(['ministry_planning']);
    expect(holders('application.create')).toEqual(['city_applicant']);
  });
});

describe('application scope', () => {
  const hz = scope('submitted', ['330100'], ['330000']);
  it('a city sees the applications naming its city, including joint ones', () => {
    expect(canSeeApplication(actor('city_applicant', '330100'), hz)).toBe(true);
    expect(canSeeApplication(actor('city_applicant', '330500'), hz)).toBe(false);
    expect(canSeeApplication(actor('city_applicant', '341800'), scope('draft', ['330500', '341800'], ['330000', '340000']))).toBe(true);
  });
  it('a province sees its cities once submitted, never drafts, never other provinces', () => {
    expect(canSeeApplication(actor('provincial_authority', '330000', '330000'), hz)).toBe(true);
    expect(canSeeApplication(actor('provincial_authority', '330000', '330000'), scope('draft', ['330100'], ['330000']))).toBe(false);
    expect(canSeeApplication(actor('provincial_authority', '420000', '420000'), hz)).toBe(false);
    expect(canSeeApplication(actor('provincial_authority', '330000', null), hz)).toBe(false);
  });
  it('the ministry sees only what has been forwarded to it', () => {
    expect(canSeeApplication(actor('ministry_planning', '110000'), hz)).toBe(false);
    expect(canSeeApplication(actor('ministry_planning', '110000'), scope('forwarded', ['330100'], ['330000'], true))).toBe(true);
    expect(canSeeApplication(actor('ministry_department', '110000'), scope('received', ['330100'], ['330000'], true))).toBe(true);
  });
  it('experts, observers and administrators see no application at this stage', () => {
    const fwd = scope('forwarded', ['330100'], ['330000'], true);
    for (const role of ['expert', 'leading_group_observer', 'platform_admin'] as const) {
      expect(canSeeApplication(actor(role, '110000'), fwd)).toBe(false);
    }
  });
});
