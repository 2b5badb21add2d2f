import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { actionItemAbilities, canSeeActionItem, canSeeEvent, eventAbilities, mayReadMinutes, type EventScope } from './event-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null, organisationId = 'o'): Actor {
  return { id: 'u', role, organisationId, divisionCode, authorityId };
}
const ev = (over: Partial<EventScope> = {}): EventScope => ({ national: false, authorityIds: [], pilotCityCodes: [], organisationIds: [], ...over });

const national = ev({ national: true });
const zhejiang = ev({ authorityIds: ['330000'] });
const hangzhouPilot = ev({ pilotCityCodes: ['330100'] });
const ningboOnsite = ev({ authorityIds: ['330200'], pilotCityCodes: ['330200'] });
const wuhanParticipant = ev({ organisationIds: ['org-wuhan'] });

// [who, actor, national, zhejiang, hangzhou pilot, ningbo on-site, wuhan takes part]
const TABLE: [string, Actor, boolean, boolean, boolean, boolean, boolean][] = [
  ['city 杭州', actor('city_applicant', '330100'), true, true, true, false, false],
  ['city 宁波 (计划单列市)', actor('city_applicant', '330200'), true, false, false, true, false],
  ['city 武汉, a participant', actor('city_applicant', '420100', null, 'org-wuhan'), true, false, false, false, true],
  ['province 浙江', actor('provincial_authority', '330000', '330000'), true, true, true, false, false],
  ['province 宁波 (计划单列市)', actor('provincial_authority', '330200', '330200'), true, false, false, true, false],
  ['province 湖北', actor('provincial_authority', '420000', '420000'), true, false, false, false, false],
  ['province without authority', actor('provincial_authority', '420000', null), true, false, false, false, false],
  ['ministry planning', actor('ministry_planning', '110000'), true, true, true, true, true],
  ['ministry department', actor('ministry_department', '110000'), true, true, true, true, true],
  ['leading group', actor('leading_group_observer', '110000'), true, true, true, true, true],
  ['expert', actor('expert', '110000', null, 'org-wuhan'), false, false, false, false, false],
  ['platform admin', actor('platform_admin', '110000'), false, false, false, false, false],
  ['security admin', actor('security_admin', '110000'), false, false, false, false, false],
  ['audit admin', actor('audit_admin', '110000'), false, false, false, false, false],
];

describe('event scope', () => {
  it.each(TABLE)('%s', (_who, a, n, zj, hz, nb, wh) => {
    expect([national, zhejiang, hangzhouPilot, ningboOnsite, wuhanParticipant].map((e) => canSeeEvent(a, e))).toEqual([n, zj, hz, nb, wh]);
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  // What the planning department may do in each state (with minutes written).
  const MANAGER: Record<string, string[]> = {
    planned: ['edit', 'hold', 'cancel', 'addMaterial', 'addActionItem'],
    held: ['edit', 'publishMinutes', 'editMinutes', 'addMaterial', 'addActionItem', 'downloadMinutes'],
    minutes_published: ['withdrawMinutes', 'addActionItem', 'downloadMinutes'],
    cancelled: [],
  };
  it.each(Object.entries(MANAGER))('the planning department in %s', (state, abilities) => {
    expect(eventAbilities(actor('ministry_planning', '110000'), national, state, true)).toEqual(abilities);
  });

  it('others only download published minutes; drafts stay in the ministry', () => {
    const city = actor('city_applicant', '330100');
    expect(eventAbilities(city, national, 'held', true)).toEqual([]);
    expect(eventAbilities(city, national, 'minutes_published', true)).toEqual(['downloadMinutes']);
    expect(eventAbilities(city, national, 'minutes_published', false)).toEqual([]);
    expect(eventAbilities(city, ningboOnsite, 'minutes_published', true)).toEqual([]);
    expect(mayReadMinutes(city, national, 'held')).toBe(false);
    expect(mayReadMinutes(city, national, 'minutes_published')).toBe(true);
    expect(mayReadMinutes(actor('ministry_planning', '110000'), national, 'held')).toBe(true);
  });
});

describe('action item scope', () => {
  const owner = actor('city_applicant', '420100', null, 'org-wuhan');
  const planner = actor('ministry_planning', '110000', null, 'org-ghs');
  const department = actor('ministry_department', '110000', null, 'org-zbs');
  const otherCity = actor('city_applicant', '330100', null, 'org-hz');
  const observer = actor('leading_group_observer', '110000', null, 'org-ld');
  const regional = ev({ authorityIds: ['330000'], organisationIds: ['org-wuhan'] });
  const open = { ownerOrganisationId: 'org-wuhan', status: 'open' };
  const done = { ownerOrganisationId: 'org-wuhan', status: 'done' };

  // [who, actor, open item, done item]
  const ITEMS: [string, Actor, string[], string[]][] = [
    ['the owner', owner, ['update', 'close'], []],
    ['the planning department', planner, ['update', 'edit'], ['reopen']],
    ['a department (not the owner)', department, [], []],
    ['another city in the event’s province', otherCity, [], []],
    ['the leading group', observer, [], []],
  ];
  it.each(ITEMS)('%s', (_who, a, onOpen, onDone) => {
    expect(actionItemAbilities(a, open, regional)).toEqual(onOpen);
    expect(actionItemAbilities(a, done, regional)).toEqual(onDone);
  });

  it('a department owning an item updates and closes it', () => {
    const item = { ownerOrganisationId: 'org-zbs', status: 'open' };
    expect(actionItemAbilities(department, item, national)).toEqual(['update', 'close']);
  });

  it('the owner sees its item even where the event would not concern it; strangers do not', () => {
    const elsewhere = ev({ authorityIds: ['440000'] });
    expect(canSeeActionItem(owner, open, elsewhere)).toBe(true);
    expect(canSeeActionItem(otherCity, open, elsewhere)).toBe(false);
    expect(canSeeActionItem(actor('expert', '110000', null, 'org-wuhan'), open, elsewhere)).toBe(false);
  });
});
