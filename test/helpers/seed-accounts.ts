/**
 * Organisations and users for API tests: cities in two provinces, a 计划单列市 with its own
 * authority, a cross-province pair, and one account per ministry-level role.
 */
import type { Db } from '../../src/db/client.js';
import { createOrganisation, createUser, hashPassword } from '../../src/features/accounts/accounts.queries.js';
import type { Role } from '../../src/shared/roles/roles.js';
import { DEFAULT_TOTP_ROLES } from '../../src/shared/identity/sessions.js';

export const PASSWORD = 'Test@2025-pass';
/**
 * The second factor of the test accounts whose role needs one (provincial and ministry): the login
 * helper computes their codes from it with the platform's own TOTP function.
 */
export const TEST_TOTP_SECRET = 'KRSXG5CUN52HAVDFON2FGZLDOJSXIMJS'; // base32 of "TestTotpTestSecret12"

const ACCOUNTS: { username: string; role: Role; org: string; kind: Parameters<typeof createOrganisation>[1]['kind']; division: string; authority?: string }[] = [
  { username: 'hangzhou', role: 'city_applicant', org: '杭州市', kind: 'city', division: '330100' },
  { username: 'huzhou', role: 'city_applicant', org: '湖州市', kind: 'city', division: '330500' },
  { username: 'ningbo', role: 'city_applicant', org: '宁波市', kind: 'city', division: '330200' },
  { username: 'wuhan', role: 'city_applicant', org: '武汉市', kind: 'city', division: '420100' },
  { username: 'xuancheng', role: 'city_applicant', org: '宣城市', kind: 'city', division: '341800' },
  { username: 'zhejiang', role: 'provincial_authority', org: '浙江省经信委', kind: 'province_authority', division: '330000', authority: '330000' },
  { username: 'ningbo-sj', role: 'provincial_authority', org: '宁波市经信委（计划单列市）', kind: 'province_authority', division: '330200', authority: '330200' },
  { username: 'hubei', role: 'provincial_authority', org: '湖北省经信委', kind: 'province_authority', division: '420000', authority: '420000' },
  { username: 'anhui', role: 'provincial_authority', org: '安徽省经信委', kind: 'province_authority', division: '340000', authority: '340000' },
  { username: 'guihuasi', role: 'ministry_planning', org: '工信部规划司', kind: 'ministry_planning', division: '110000' },
  { username: 'zhuangbeisi', role: 'ministry_department', org: '工信部装备工业司', kind: 'ministry_department', division: '110000' },
  { username: 'expert', role: 'expert', org: '专家咨询委', kind: 'expert_committee', division: '110000' },
  { username: 'lingdao', role: 'leading_group_observer', org: '领导小组办公室', kind: 'leading_group', division: '110000' },
  { username: 'admin', role: 'platform_admin', org: '平台运维', kind: 'platform', division: '110000' },
];

export const USERNAMES = ACCOUNTS.map((a) => a.username);

let cachedHash: Promise<string> | null = null;

export async function seedAccounts(db: Db): Promise<void> {
  cachedHash ??= hashPassword(PASSWORD);
  const passwordHash = await cachedHash;
  for (const a of ACCOUNTS) {
    const organisationId = await createOrganisation(db, { name: a.org, kind: a.kind, divisionCode: a.division, authorityId: a.authority ?? null });
    await createUser(db, {
      username: a.username,
      passwordHash,
      displayName: `${a.org}用户`,
      role: a.role,
      organisationId,
      ...(DEFAULT_TOTP_ROLES.includes(a.role) ? { totpSecret: TEST_TOTP_SECRET } : {}),
    });
  }
}
