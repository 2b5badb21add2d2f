import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { decideApplicationDossier, decidePilotDossier, dossierHoldsPanelRecord, mayDownloadDossier } from './dossier-scope.js';
import type { ApplicationScope } from './policy.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const approved: ApplicationScope = { status: 'approved', cityCodes: ['330100'], authorityIds: ['330000'], forwardedAt: '2016-08-01T00:00:00Z' };
const draft: ApplicationScope = { status: 'draft', cityCodes: ['330100'], authorityIds: ['330000'], forwardedAt: null };
const pilot = { cityCodes: ['330100'] };

type Verdict = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
// [who, actor, approved application, draft, pilot, panel record]
const TABLE: [string, Actor, Verdict, Verdict, Verdict, boolean][] = [
  ['city: own', actor('city_applicant', '330100'), 'ok', 'ok', 'ok', false],
  ['city: another city', actor('city_applicant', '420100'), 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', false],
  ['province: its city', actor('provincial_authority', '330000', '330000'), 'ok', 'NOT_FOUND', 'ok', false],
  ['province: another province', actor('provincial_authority', '420000', '420000'), 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', false],
  ['ministry planning: any it sees', actor('ministry_planning', '110000'), 'ok', 'NOT_FOUND', 'ok', true],
  ['ministry department', actor('ministry_department', '110000'), 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', false],
  ['leading group', actor('leading_group_observer', '110000'), 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', false],
  ['expert', actor('expert', '110000'), 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', false],
  ['administrator', actor('platform_admin', '110000'), 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', false],
  ['security administrator', actor('security_admin', '110000'), 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', false],
  ['audit administrator', actor('audit_admin', '110000'), 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', false],
];

const verdict = (d: ReturnType<typeof decidePilotDossier>): Verdict => (d.ok ? 'ok' : d.reason);

describe('dossier scope', () => {
  it.each(TABLE)('%s', (_who, a, app, drafted, p, panel) => {
    expect(verdict(decideApplicationDossier(a, approved))).toBe(app);
    expect(verdict(decideApplicationDossier(a, draft))).toBe(drafted);
    expect(verdict(decidePilotDossier(a, pilot))).toBe(p);
    expect(dossierHoldsPanelRecord(a)).toBe(panel);
    expect(mayDownloadDossier(a)).toBe(app !== 'FORBIDDEN');
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });
});
