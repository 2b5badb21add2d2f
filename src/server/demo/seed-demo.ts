/**
 * Demo data (演示数据) for `npm start`: accounts for every role, cities and provinces of the pilots,
 * the expert pool, and a living programme told in demo-story.ts — pilots in each part of their
 * three years and this round's applications in every state of the journey. Every step runs through
 * the same services as the API, at the instant it happened relative to the seed's `now`, so
 * histories, versions and dates are real. Runs only on an empty database.
 */
import type { Db } from '../../db/client.js';
import { countUsers, createOrganisation, createUser, hashPassword, verifyPassword, type OrganisationKind } from '../../features/accounts/accounts.queries.js';
import { and, eq } from 'drizzle-orm';
import { experts, organisations, users } from '../../db/schema.js';
import { insertDemoExperts } from '../../features/experts/demo-experts.js';
import type { Actor, Role } from '../../shared/roles/roles.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoPortal } from './demo-portal.js';
import { seedDemoEvents } from './demo-events.js';
import { tellStory } from './demo-story.js';
import { DEMO_TOTP_SECRET } from '../../shared/identity/demo.js';
import { DEFAULT_TOTP_ROLES } from '../../shared/identity/sessions.js';
import { DemoTimeline } from './demo-timeline.js';

export const DEMO_PASSWORD = 'Demo@2025';

/** A demo account's e-mail, on a reserved domain (RFC 2606): stored sealed like every user's (accounts.queries.ts). */
export const demoEmail = (username: string) => `${username}@demo.example.org`;

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  organisation: { name: string; kind: OrganisationKind; divisionCode: string; authorityId?: string };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'ningbo', displayName: '宁波市经信委 王明', role: 'city_applicant', organisation: { name: '宁波市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '330200' } },
  { username: 'huzhou', displayName: '湖州市经信委 李华', role: 'city_applicant', organisation: { name: '湖州市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '330500' } },
  { username: 'wuhan', displayName: '武汉市经信委 张伟', role: 'city_applicant', organisation: { name: '武汉市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '420100' } },
  { username: 'zhengzhou', displayName: '郑州市工信委 赵强', role: 'city_applicant', organisation: { name: '郑州市人民政府（工业和信息化委员会）', kind: 'city', divisionCode: '410100' } },
  { username: 'quanzhou', displayName: '泉州市经信委 林芳', role: 'city_applicant', organisation: { name: '泉州市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '350500' } },
  { username: 'suzhou', displayName: '苏州市经信委 陈静', role: 'city_applicant', organisation: { name: '苏州市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '320500' } },
  { username: 'shenyang', displayName: '沈阳市经信委 高峰', role: 'city_applicant', organisation: { name: '沈阳市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '210100' } },
  { username: 'wuzhong', displayName: '吴忠市经信局 马军', role: 'city_applicant', organisation: { name: '吴忠市人民政府（经济和信息化局）', kind: 'city', divisionCode: '640300' } },
  { username: 'baotou', displayName: '包头市经信委 白云', role: 'city_applicant', organisation: { name: '包头市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '150200' } },
  { username: 'changsha', displayName: '长沙市经信委 彭涛', role: 'city_applicant', organisation: { name: '长沙市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '430100' } },
  { username: 'zhejiang', displayName: '浙江省经信委 周敏', role: 'provincial_authority', organisation: { name: '浙江省经济和信息化委员会', kind: 'province_authority', divisionCode: '330000', authorityId: '330000' } },
  { username: 'ningbo-sj', displayName: '宁波市（计划单列市）主管部门 吴刚', role: 'provincial_authority', organisation: { name: '宁波市经济和信息化委员会（计划单列市）', kind: 'province_authority', divisionCode: '330200', authorityId: '330200' } },
  { username: 'hubei', displayName: '湖北省经信委 郑红', role: 'provincial_authority', organisation: { name: '湖北省经济和信息化委员会', kind: 'province_authority', divisionCode: '420000', authorityId: '420000' } },
  { username: 'henan', displayName: '河南省工信委 孙磊', role: 'provincial_authority', organisation: { name: '河南省工业和信息化委员会', kind: 'province_authority', divisionCode: '410000', authorityId: '410000' } },
  { username: 'jiangsu', displayName: '江苏省经信委 钱芳', role: 'provincial_authority', organisation: { name: '江苏省经济和信息化委员会', kind: 'province_authority', divisionCode: '320000', authorityId: '320000' } },
  { username: 'fujian', displayName: '福建省经信委 黄斌', role: 'provincial_authority', organisation: { name: '福建省经济和信息化委员会', kind: 'province_authority', divisionCode: '350000', authorityId: '350000' } },
  { username: 'liaoning', displayName: '辽宁省经信委 于洋', role: 'provincial_authority', organisation: { name: '辽宁省经济和信息化委员会', kind: 'province_authority', divisionCode: '210000', authorityId: '210000' } },
  { username: 'ningxia', displayName: '宁夏回族自治区经信委 杨柳', role: 'provincial_authority', organisation: { name: '宁夏回族自治区经济和信息化委员会', kind: 'province_authority', divisionCode: '640000', authorityId: '640000' } },
  { username: 'neimenggu', displayName: '内蒙古自治区经信委 乌兰', role: 'provincial_authority', organisation: { name: '内蒙古自治区经济和信息化委员会', kind: 'province_authority', divisionCode: '150000', authorityId: '150000' } },
  { username: 'hunan', displayName: '湖南省经信委 刘斌', role: 'provincial_authority', organisation: { name: '湖南省经济和信息化委员会', kind: 'province_authority', divisionCode: '430000', authorityId: '430000' } },
  { username: 'guihuasi', displayName: '规划司 刘洋', role: 'ministry_planning', organisation: { name: '工业和信息化部规划司', kind: 'ministry_planning', divisionCode: '110000' } },
  { username: 'zhuangbeisi', displayName: '装备工业司 何军', role: 'ministry_department', organisation: { name: '工业和信息化部装备工业司', kind: 'ministry_department', divisionCode: '110000' } },
  { username: 'expert', displayName: '林国栋 院士', role: 'expert', organisation: { name: '国家制造强国建设战略咨询委员会', kind: 'expert_committee', divisionCode: '110000' } },
  { username: 'lingdao', displayName: '领导小组办公室 观察员', role: 'leading_group_observer', organisation: { name: '国家制造强国建设领导小组办公室', kind: 'leading_group', divisionCode: '110000' } },
  { username: 'admin', displayName: '平台管理员', role: 'platform_admin', organisation: { name: '平台运维中心', kind: 'platform', divisionCode: '110000' } },
  { username: 'anquan', displayName: '安全管理员 韩雪', role: 'security_admin', organisation: { name: '平台安全管理组', kind: 'platform', divisionCode: '110000' } },
  { username: 'shenji', displayName: '审计管理员 邓宁', role: 'audit_admin', organisation: { name: '平台安全审计组', kind: 'platform', divisionCode: '110000' } },
];

/**
 * Loads the demo data into an empty database (false when it holds users already). `now` is the
 * seed's present: every date of the story is placed relative to it (a test seeds at a fixed instant).
 */
export async function seedDemoData(db: Db, now: Date = new Date()): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actors = new Map<string, Actor>();
  for (const a of DEMO_ACCOUNTS) {
    const organisationId = await createOrganisation(db, { ...a.organisation, isDemo: true });
    // Provincial and ministry accounts sign in with a second factor: the published demo secret (README).
    const totp = DEFAULT_TOTP_ROLES.includes(a.role) ? { totpSecret: DEMO_TOTP_SECRET } : {};
    const id = await createUser(db, { username: a.username, passwordHash, displayName: a.displayName, role: a.role, organisationId, email: demoEmail(a.username), ...totp });
    actors.set(a.username, { id, role: a.role, organisationId, divisionCode: a.organisation.divisionCode, authorityId: a.organisation.authorityId ?? null });
  }
  const who = (u: string) => {
    const actor = actors.get(u);
    if (!actor) throw new Error(`demo account ${u} missing`);
    return actor;
  };

  // The expert pool; the demo expert account is 林国栋, and a colleague gets an account when first seated.
  await insertDemoExperts(db);
  const pool = await db.select({ id: experts.id, name: experts.name }).from(experts).where(eq(experts.isDemo, true));
  const accounts = new Map<string, Actor>();
  const committee = who('expert').organisationId;
  const accountOf = async (e: { id: string; name: string }): Promise<Actor> => {
    let actor = accounts.get(e.id) ?? (e.name === '林国栋' ? who('expert') : undefined);
    if (!accounts.has(e.id)) {
      if (!actor) {
        const id = await createUser(db, { username: `expert-${e.id.slice(0, 6)}`, passwordHash, displayName: e.name, role: 'expert', organisationId: committee });
        actor = { id, role: 'expert', organisationId: committee, divisionCode: '110000', authorityId: null };
      }
      await db.update(experts).set({ userId: actor.id }).where(eq(experts.id, e.id));
      accounts.set(e.id, actor);
    }
    return actor!;
  };
  await accountOf(pool.find((e) => e.name === '林国栋')!);

  const timeline = new DemoTimeline(now);
  tellStory(timeline, {
    db,
    now,
    who,
    expert: async (name) => {
      const e = pool.find((x) => x.name === name);
      if (!e) throw new Error(`demo expert ${name} missing`);
      return { expertId: e.id, actor: await accountOf(e) };
    },
    expertById: async (id) => {
      const e = pool.find((x) => x.id === id);
      if (!e) throw new Error(`demo expert ${id} missing`);
      return accountOf(e);
    },
  });
  await timeline.run(db);
  await seedDemoCases(db, now, who);
  await seedDemoPortal(db, now, who);
  await seedDemoEvents(db, now, who);
  return true;
}

/**
 * The accounts that still sign in with the demo password (the README prints it). A start without
 * demo data refuses to run while there is any: such a database must not face the network.
 */
export async function accountsWithDemoPassword(db: Db): Promise<string[]> {
  const rows = await db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(organisations.isDemo, true), eq(users.active, true)));
  // The seed gives every demo account the same hash: check each distinct hash once, not each account
  // (argon2 is slow on purpose, and a start without demo data runs this before it listens).
  const byHash = new Map<string, string[]>();
  for (const r of rows) byHash.set(r.passwordHash, [...(byHash.get(r.passwordHash) ?? []), r.username]);
  const found: string[] = [];
  for (const [hash, usernames] of byHash) if (await verifyPassword(hash, DEMO_PASSWORD)) found.push(...usernames);
  return found.sort();
}
