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

describe('separation of duties 三权分立', () => {
  const holders = (p: (typeof PERMISSIONS)[number]) => ROLES.filter((r) => can(r, p));
  it('only the audit administrator reads, exports and verifies the audit log', () => {
    expect(holders('audit.read')).toEqual(['audit_admin']);
    expect(holders('audit.export')).toEqual(['audit_admin']);
    expect(holders('audit.verify')).toEqual(['audit_admin']);
  });
  it('no permission exists to change or delete audit records', () => {
    expect(PERMISSIONS.filter((p) => p.startsWith('audit.'))).toEqual(['audit.read', 'audit.export', 'audit.verify']);
  });
  it('only the system administrator manages accounts; only the security administrator unlocks and ends sessions', () => {
    expect(holders('user.manage')).toEqual(['platform_admin']);
    expect(holders('user.unlock')).toEqual(['security_admin']);
    expect(holders('session.revoke')).toEqual(['security_admin']);
    expect(holders('user.read')).toEqual(['platform_admin', 'security_admin']);
  });
  it('the three administrators share no permission but the harmless reference data', () => {
    const own = (r: 'platform_admin' | 'security_admin' | 'audit_admin') => permissionsOf(r).filter((p) => p !== 'reference.read' && p !== 'plan.check' && p !== 'user.read');
    const [sys, sec, aud] = [own('platform_admin'), own('security_admin'), own('audit_admin')];
    for (const p of sys) expect(sec.includes(p) || aud.includes(p), p).toBe(false);
    for (const p of sec) expect(aud.includes(p), p).toBe(false);
    // And none of them does the programme's business.
    for (const r of ['platform_admin', 'security_admin', 'audit_admin'] as const) {
      expect(permissionsOf(r).some((p) => /^(application|review|pilot|report|evaluation|rectification)\./.test(p)), r).toBe(false);
    }
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
    for (const role of ['expert', 'leading_group_observer', 'platform_admin', 'security_admin', 'audit_admin'] as const) {
      expect(canSeeApplication(actor(role, '110000'), fwd)).toBe(false);
    }
  });
});
