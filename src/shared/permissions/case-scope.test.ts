import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../roles/roles';
import { ROLES } from '../roles/roles';
import { caseAbilities, canSeeCase, canWriteCaseFor, type CaseScope } from './case-scope';

const actor = (role: Role, divisionCode = '110000'): Actor => ({ id: 'u', role, organisationId: 'o', divisionCode, authorityId: role === 'provincial_authority' ? '330000' : null });
const ningbo = actor('city_applicant', '330200');
const hangzhou = actor('city_applicant', '330100');
const guihuasi = actor('ministry_planning');
const cityCase = (status: CaseScope['status'], submitted = status !== 'draft'): CaseScope => ({ status, authorKind: 'city', cityCodes: ['330200'], submittedAt: submitted ? '2018-01-01T00:00:00Z' : null });

describe('who sees a case', () => {
  it('shows a published case to every role that reads the library, not to the administrators', () => {
    const seeing = ROLES.filter((r) => canSeeCase(actor(r), cityCase('published')));
    expect(seeing).toEqual(['city_applicant', 'provincial_authority', 'ministry_planning', 'ministry_department', 'expert', 'leading_group_observer']);
  });

  it('shows an unpublished case to its authors always, to the editorial office once submitted, to nobody else', () => {
    const table: [CaseScope, Actor, boolean][] = [
      [cityCase('draft'), ningbo, true],
      [cityCase('draft'), hangzhou, false],
      [cityCase('draft'), guihuasi, false],
      [cityCase('submitted'), guihuasi, true],
      [cityCase('under_review'), guihuasi, true],
      [cityCase('returned'), guihuasi, true],
      [cityCase('unpublished'), guihuasi, true],
      [cityCase('unpublished'), ningbo, true],
      [cityCase('unpublished'), hangzhou, false],
      [cityCase('submitted'), actor('ministry_department'), false],
      [cityCase('submitted'), actor('provincial_authority'), false],
      [cityCase('under_review'), actor('leading_group_observer'), false],
      [{ status: 'draft', authorKind: 'ministry', cityCodes: [], submittedAt: null }, guihuasi, true],
      [{ status: 'draft', authorKind: 'ministry', cityCodes: ['330200'], submittedAt: null }, ningbo, false],
    ];
    for (const [c, a, expected] of table) expect(canSeeCase(a, c), `${a.role}/${a.divisionCode} ${c.authorKind} ${c.status}`).toBe(expected);
  });
});

describe('what a user may do with a case', () => {
  it('gives the author edit and submit, the editorial office the review steps', () => {
    expect(caseAbilities(ningbo, cityCase('draft'))).toEqual(['edit', 'submit']);
    expect(caseAbilities(ningbo, cityCase('submitted'))).toEqual([]);
    expect(caseAbilities(guihuasi, cityCase('submitted'))).toEqual(['startReview', 'return']);
    expect(caseAbilities(guihuasi, cityCase('under_review'))).toEqual(['return', 'publish']);
    expect(caseAbilities(guihuasi, cityCase('published'))).toEqual(['unpublish']);
    expect(caseAbilities(ningbo, cityCase('returned'))).toEqual(['edit', 'submit']);
    expect(caseAbilities(hangzhou, cityCase('published'))).toEqual([]);
    expect(caseAbilities(actor('expert'), cityCase('published'))).toEqual([]);
    // The ministry's own case: the planning department is author and editor.
    expect(caseAbilities(guihuasi, { status: 'draft', authorKind: 'ministry', cityCodes: [], submittedAt: null })).toEqual(['edit', 'submit']);
  });

  it('lets a city start a case of its own pilot, the planning department any case', () => {
    expect(canWriteCaseFor(ningbo, { cityCodes: ['330200'] })).toBe(true);
    expect(canWriteCaseFor(hangzhou, { cityCodes: ['330200'] })).toBe(false);
    expect(canWriteCaseFor(ningbo, null)).toBe(false);
    expect(canWriteCaseFor(guihuasi, null)).toBe(true);
    expect(canWriteCaseFor(guihuasi, { cityCodes: ['330200'] })).toBe(true);
    for (const r of ['provincial_authority', 'ministry_department', 'expert', 'leading_group_observer', 'platform_admin'] as const) expect(canWriteCaseFor(actor(r), { cityCodes: ['110000'] }), r).toBe(false);
  });
});
