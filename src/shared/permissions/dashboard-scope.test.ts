import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../roles/roles.js';
import { canSeeOnDashboard, dashboardScopeOf, resolveDashboardProvince } from './dashboard-scope.js';

const actor = (role: Role, divisionCode: string, authorityId: string | null = null): Actor => ({ id: 'u', role, organisationId: 'o', divisionCode, authorityId });

const ACTORS: Record<string, Actor> = {
  guihuasi: actor('ministry_planning', '110000'),
  zhuangbeisi: actor('ministry_department', '110000'),
  lingdao: actor('leading_group_observer', '110000'),
  zhejiang: actor('provincial_authority', '330000', '330000'),
  'ningbo-sj': actor('provincial_authority', '330200', '330200'),
  hubei: actor('provincial_authority', '420000', '420000'),
  hangzhou: actor('city_applicant', '330100'),
  expert: actor('expert', '110000'),
  admin: actor('platform_admin', '110000'),
};

/** Per actor: the scope, then the province it gets for no province / 浙江 / 湖北 asked (null: refused), then the pilots it sees. */
const TABLE: Record<string, { scope: string | null; none?: string | null; zj?: string | null; hb?: string | null; sees: string[] }> = {
  guihuasi: { scope: 'national', none: '', zj: '330000', hb: '420000', sees: ['hz', 'nb', 'wh', 'cluster'] },
  zhuangbeisi: { scope: 'national', none: '', zj: '330000', hb: '420000', sees: ['hz', 'nb', 'wh', 'cluster'] },
  lingdao: { scope: 'national', none: '', zj: '330000', hb: '420000', sees: ['hz', 'nb', 'wh', 'cluster'] },
  zhejiang: { scope: 'province:330000', none: '330000', zj: '330000', hb: null, sees: ['hz', 'cluster'] },
  // 宁波's own authority (计划单列市) sits in 浙江: its dashboard is 浙江's, its rows only 宁波's pilot.
  'ningbo-sj': { scope: 'province:330000', none: '330000', zj: '330000', hb: null, sees: ['nb'] },
  hubei: { scope: 'province:420000', none: '420000', zj: null, hb: '420000', sees: ['wh', 'cluster'] },
  hangzhou: { scope: null, sees: [] },
  expert: { scope: null, sees: [] },
  admin: { scope: null, sees: [] },
};

const PILOTS: Record<string, { cityCodes: string[] }> = {
  hz: { cityCodes: ['330100'] },
  nb: { cityCodes: ['330200'] },
  wh: { cityCodes: ['420100'] },
  cluster: { cityCodes: ['330500', '420500'] },
};

describe('dashboard scope, per role', () => {
  for (const [name, row] of Object.entries(TABLE)) {
    it(name, () => {
      const a = ACTORS[name]!;
      const scope = dashboardScopeOf(a);
      expect(scope === null ? null : scope.level === 'national' ? 'national' : `province:${scope.provinceCode}`).toBe(row.scope);
      if (scope) {
        const got = (p: string | undefined) => {
          const r = resolveDashboardProvince(scope, p);
          return r.ok ? (r.province ?? '') : null;
        };
        expect(got(undefined)).toBe(row.none);
        expect(got('330000')).toBe(row.zj);
        expect(got('420000')).toBe(row.hb);
      }
      expect(Object.keys(PILOTS).filter((id) => canSeeOnDashboard(a, PILOTS[id]!))).toEqual(row.sees);
    });
  }
});
