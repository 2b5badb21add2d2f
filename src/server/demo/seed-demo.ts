/**
 * Demo data (演示数据) for `npm start`: one account per role, cities in several provinces plus a
 * 计划单列市, and applications in every state of the journey. Every step runs through the same
 * services as the API, so histories and versions are real. Runs only on an empty database.
 */
import type { Db } from '../../db/client.js';
import { countUsers, createOrganisation, createUser, hashPassword, verifyPassword, type OrganisationKind } from '../../features/accounts/accounts.queries.js';
import { and, eq } from 'drizzle-orm';
import { experts, organisations, users } from '../../db/schema.js';
import { createApplication, savePlan, transition } from '../../features/applications/applications.service.js';
import { insertDemoExperts } from '../../features/experts/demo-experts.js';
import { confirmPanel, declareNoConflict, decide, giveDepartmentOpinion, submitScores } from '../../features/ministry-review/review.service.js';
import { DEFAULT_RUBRIC } from '../../shared/review/rubric.js';
import { PROVINCIAL_CHECKLIST } from '../../shared/lifecycle/provincial-checklist.js';
import type { Actor, Role } from '../../shared/roles/roles.js';
import { buildSamplePlan } from './sample-plan.js';

export const DEMO_PASSWORD = 'Demo@2025';

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
  { username: 'zhejiang', displayName: '浙江省经信委 周敏', role: 'provincial_authority', organisation: { name: '浙江省经济和信息化委员会', kind: 'province_authority', divisionCode: '330000', authorityId: '330000' } },
  { username: 'ningbo-sj', displayName: '宁波市（计划单列市）主管部门 吴刚', role: 'provincial_authority', organisation: { name: '宁波市经济和信息化委员会（计划单列市）', kind: 'province_authority', divisionCode: '330200', authorityId: '330200' } },
  { username: 'hubei', displayName: '湖北省经信委 郑红', role: 'provincial_authority', organisation: { name: '湖北省经济和信息化委员会', kind: 'province_authority', divisionCode: '420000', authorityId: '420000' } },
  { username: 'henan', displayName: '河南省工信委 孙磊', role: 'provincial_authority', organisation: { name: '河南省工业和信息化委员会', kind: 'province_authority', divisionCode: '410000', authorityId: '410000' } },
  { username: 'jiangsu', displayName: '江苏省经信委 钱芳', role: 'provincial_authority', organisation: { name: '江苏省经济和信息化委员会', kind: 'province_authority', divisionCode: '320000', authorityId: '320000' } },
  { username: 'fujian', displayName: '福建省经信委 黄斌', role: 'provincial_authority', organisation: { name: '福建省经济和信息化委员会', kind: 'province_authority', divisionCode: '350000', authorityId: '350000' } },
  { username: 'guihuasi', displayName: '规划司 刘洋', role: 'ministry_planning', organisation: { name: '工业和信息化部规划司', kind: 'ministry_planning', divisionCode: '110000' } },
  { username: 'zhuangbeisi', displayName: '装备工业司 何军', role: 'ministry_department', organisation: { name: '工业和信息化部装备工业司', kind: 'ministry_department', divisionCode: '110000' } },
  { username: 'expert', displayName: '林国栋 院士', role: 'expert', organisation: { name: '国家制造强国建设战略咨询委员会', kind: 'expert_committee', divisionCode: '110000' } },
  { username: 'lingdao', displayName: '领导小组办公室 观察员', role: 'leading_group_observer', organisation: { name: '国家制造强国建设领导小组办公室', kind: 'leading_group', divisionCode: '110000' } },
  { username: 'admin', displayName: '平台管理员', role: 'platform_admin', organisation: { name: '平台运维中心', kind: 'platform', divisionCode: '110000' } },
];

export async function seedDemoData(db: Db): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actors = new Map<string, Actor>();
  for (const a of DEMO_ACCOUNTS) {
    const organisationId = await createOrganisation(db, { ...a.organisation, isDemo: true });
    const id = await createUser(db, { username: a.username, passwordHash, displayName: a.displayName, role: a.role, organisationId });
    actors.set(a.username, { id, role: a.role, organisationId, divisionCode: a.organisation.divisionCode, authorityId: a.organisation.authorityId ?? null });
  }
  const who = (u: string) => actors.get(u)!;
  const checklist = Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true]));

  const make = async (username: string, title: string, applicant: string, cityCodes: string[], complete = true) => {
    const plan = buildSamplePlan({ applicant, cityCodes, applicationYear: 2016, title, complete });
    const id = await createApplication(db, who(username), { title, applicationYear: 2016, plan }, { isDemo: true });
    return id;
  };

  // The expert pool; the demo expert account is 林国栋, and a few colleagues get accounts to score with.
  await insertDemoExperts(db);
  const expertActor = async (name: string, username: string | null) => {
    const [row] = await db.select({ id: experts.id }).from(experts).where(and(eq(experts.name, name), eq(experts.isDemo, true))).limit(1);
    if (!row) throw new Error(`demo expert ${name} missing`);
    let actor = username ? actors.get(username) : undefined;
    if (!actor) {
      const orgId = who('expert').organisationId;
      const id = await createUser(db, { username: `expert-${row.id.slice(0, 6)}`, passwordHash, displayName: name, role: 'expert', organisationId: orgId });
      actor = { id, role: 'expert', organisationId: orgId, divisionCode: '110000', authorityId: null };
    }
    await db.update(experts).set({ userId: actor.id }).where(eq(experts.id, row.id));
    return { expertId: row.id, actor };
  };
  const lin = await expertActor('林国栋', 'expert');
  const wang = await expertActor('王立新', null);
  const zhao = await expertActor('赵明远', null);
  const xu = await expertActor('许文博', null);
  const zhou = await expertActor('周海澜', null);
  const deadline = new Date(Date.now() + 10 * 86400_000).toISOString();
  const sheet = (base: number, opinion: 'recommend' | 'recommend_after_revision') => ({
    scores: Object.fromEntries(DEFAULT_RUBRIC.criteria.map((c, i) => [c.key, base + ((i * 3) % 7)])),
    opinion,
    comments: '实施方案目标体系完整、量化可考核，重点任务和路径清晰，政策措施具体有力。建议进一步细化两化融合指标的考核方法。',
  });

  // 宁波: the first pilot city — reviewed by a panel and approved (工信部规函〔2016〕242号, 2016-08-18).
  const ningbo = await make('ningbo', '【演示数据】宁波市“中国制造2025”试点示范城市实施方案', '宁波市人民政府', ['330200']);
  let v = (await transition(db, who('ningbo'), ningbo, { action: 'submit', version: 1 })).version;
  v = (await transition(db, who('ningbo-sj'), ningbo, { action: 'forward', version: v, checklist, opinion: '经初审，宁波市申报材料齐全、数据真实，符合试点示范城市选择标准，同意推荐。', opinionDate: '2016-07-20' })).version;
  v = (await transition(db, who('guihuasi'), ningbo, { action: 'receive', version: v, printedCopies: 'received', discs: 'received', formalCheckPassed: true, note: '纸质材料一式三份、光盘两份均已收到。' })).version;
  const nbPanel = await confirmPanel(db, who('guihuasi'), ningbo, { version: v, deadline, members: [lin.expertId, wang.expertId, zhao.expertId], backups: [] });
  for (const [e, base] of [[lin, 88], [wang, 85], [zhao, 90]] as const) {
    await declareNoConflict(db, e.actor, nbPanel.panelId);
    await submitScores(db, e.actor, nbPanel.panelId, sheet(base, 'recommend'));
  }
  await giveDepartmentOpinion(db, who('zhuangbeisi'), ningbo, { stance: 'support', opinion: '同意宁波市开展试点示范，建议在智能制造和工业强基方面加大支持力度。' });
  await decide(db, who('guihuasi'), ningbo, { version: nbPanel.version, decision: 'approve', documentNo: '工信部规函〔2016〕242号', approvalDate: '2016-08-18' });

  // 武汉: under review; two experts have scored, 林国栋 (the demo expert) has yet to declare and score.
  const wuhan = await make('wuhan', '【演示数据】武汉市创建“中国制造2025”试点示范城市实施方案', '武汉市人民政府', ['420100']);
  v = (await transition(db, who('wuhan'), wuhan, { action: 'submit', version: 1 })).version;
  v = (await transition(db, who('hubei'), wuhan, { action: 'forward', version: v, checklist, opinion: '武汉市制造业基础雄厚，实施方案目标量化可考核，同意转报。', opinionDate: '2016-11-02' })).version;
  v = (await transition(db, who('guihuasi'), wuhan, { action: 'receive', version: v, printedCopies: 'received', discs: 'waived', formalCheckPassed: true, note: '光盘以平台电子版替代。' })).version;
  const whPanel = await confirmPanel(db, who('guihuasi'), wuhan, { version: v, deadline, members: [lin.expertId, xu.expertId, zhou.expertId], backups: [wang.expertId] });
  for (const [e, base, op] of [[xu, 82, 'recommend'], [zhou, 74, 'recommend_after_revision']] as const) {
    await declareNoConflict(db, e.actor, whPanel.panelId);
    await submitScores(db, e.actor, whPanel.panelId, sheet(base, op));
  }

  // 泉州: forwarded by 福建, waiting in the ministry's inbox.
  const quanzhou = await make('quanzhou', '【演示数据】泉州市“中国制造2025”试点示范城市实施方案', '泉州市人民政府', ['350500']);
  v = (await transition(db, who('quanzhou'), quanzhou, { action: 'submit', version: 1 })).version;
  await transition(db, who('fujian'), quanzhou, { action: 'forward', version: v, checklist, opinion: '泉州市民营制造业发达、产业特色鲜明，同意转报。', opinionDate: '2016-12-01' });

  // 湖州: submitted, waiting for 浙江's preliminary review.
  const huzhou = await make('huzhou', '【演示数据】湖州市“中国制造2025”试点示范城市实施方案', '湖州市人民政府', ['330500']);
  await transition(db, who('huzhou'), huzhou, { action: 'submit', version: 1 });

  // 郑洛新 cluster: returned by 河南 for revision, being revised.
  const zlx = await make('zhengzhou', '【演示数据】郑洛新“中国制造2025”试点示范城市群实施方案', '郑州市、洛阳市、新乡市人民政府', ['410100', '410300', '410700']);
  v = (await transition(db, who('zhengzhou'), zlx, { action: 'submit', version: 1 })).version;
  await (transition(db, who('henan'), zlx, { action: 'return', version: v, reasons: '请补充洛阳、新乡两市的基期数据来源，并细化城市群协同创新的任务分工。' }));

  // 苏南五市: a draft still being written (the checker shows what is missing).
  const sunan = await make('suzhou', '【演示数据】苏南五市“中国制造2025”试点示范城市群实施方案（草稿）', '南京、无锡、常州、苏州、镇江市人民政府', ['320500', '320100', '320200', '320400', '321100'], false);
  const draft = buildSamplePlan({ applicant: '南京、无锡、常州、苏州、镇江市人民政府', cityCodes: ['320500', '320100', '320200', '320400', '321100'], applicationYear: 2016, title: '【演示数据】苏南五市“中国制造2025”试点示范城市群实施方案（草稿）', complete: false });
  await savePlan(db, who('suzhou'), sunan, { version: 1, plan: draft });
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
  const found: string[] = [];
  for (const r of rows) if (await verifyPassword(r.passwordHash, DEMO_PASSWORD)) found.push(r.username);
  return found.sort();
}
