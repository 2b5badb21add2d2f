/**
 * Demo data (演示数据) for `npm start`: one account per role, cities in several provinces plus a
 * 计划单列市, and applications in every state of the journey. Every step runs through the same
 * services as the API, so histories and versions are real. Runs only on an empty database.
 */
import type { Db } from '../../db/client.js';
import { countUsers, createOrganisation, createUser, hashPassword, type OrganisationKind } from '../../features/accounts/accounts.queries.js';
import { createApplication, savePlan, transition } from '../../features/applications/applications.service.js';
import { PROVINCIAL_CHECKLIST } from '../../shared/lifecycle/provincial-checklist.js';
import type { Actor, Role } from '../../shared/permissions/roles.js';
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
  { username: 'suzhou', displayName: '苏州市经信委 陈静', role: 'city_applicant', organisation: { name: '苏州市人民政府（经济和信息化委员会）', kind: 'city', divisionCode: '320500' } },
  { username: 'zhejiang', displayName: '浙江省经信委 周敏', role: 'provincial_authority', organisation: { name: '浙江省经济和信息化委员会', kind: 'province_authority', divisionCode: '330000', authorityId: '330000' } },
  { username: 'ningbo-sj', displayName: '宁波市（计划单列市）主管部门 吴刚', role: 'provincial_authority', organisation: { name: '宁波市经济和信息化委员会（计划单列市）', kind: 'province_authority', divisionCode: '330200', authorityId: '330200' } },
  { username: 'hubei', displayName: '湖北省经信委 郑红', role: 'provincial_authority', organisation: { name: '湖北省经济和信息化委员会', kind: 'province_authority', divisionCode: '420000', authorityId: '420000' } },
  { username: 'henan', displayName: '河南省工信委 孙磊', role: 'provincial_authority', organisation: { name: '河南省工业和信息化委员会', kind: 'province_authority', divisionCode: '410000', authorityId: '410000' } },
  { username: 'jiangsu', displayName: '江苏省经信委 钱芳', role: 'provincial_authority', organisation: { name: '江苏省经济和信息化委员会', kind: 'province_authority', divisionCode: '320000', authorityId: '320000' } },
  { username: 'guihuasi', displayName: '规划司 刘洋', role: 'ministry_planning', organisation: { name: '工业和信息化部规划司', kind: 'ministry_planning', divisionCode: '110000' } },
  { username: 'zhuangbeisi', displayName: '装备工业司 何军', role: 'ministry_department', organisation: { name: '工业和信息化部装备工业司', kind: 'ministry_department', divisionCode: '110000' } },
  { username: 'expert', displayName: '专家 高院士', role: 'expert', organisation: { name: '国家制造强国建设战略咨询委员会', kind: 'expert_committee', divisionCode: '110000' } },
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

  // 宁波: received by the ministry after its own (计划单列市) authority forwarded it.
  const ningbo = await make('ningbo', '【演示数据】宁波市“中国制造2025”试点示范城市实施方案', '宁波市人民政府', ['330200']);
  let v = (await transition(db, who('ningbo'), ningbo, { action: 'submit', version: 1 })).version;
  v = (await transition(db, who('ningbo-sj'), ningbo, { action: 'forward', version: v, checklist, opinion: '经初审，宁波市申报材料齐全、数据真实，符合试点示范城市选择标准，同意推荐。', opinionDate: '2016-07-20' })).version;
  await transition(db, who('guihuasi'), ningbo, { action: 'receive', version: v, printedCopies: 'received', discs: 'received', formalCheckPassed: true, note: '纸质材料一式三份、光盘两份均已收到。' });

  // 武汉: forwarded by 湖北, waiting in the ministry's inbox.
  const wuhan = await make('wuhan', '【演示数据】武汉市创建“中国制造2025”试点示范城市实施方案', '武汉市人民政府', ['420100']);
  v = (await transition(db, who('wuhan'), wuhan, { action: 'submit', version: 1 })).version;
  await transition(db, who('hubei'), wuhan, { action: 'forward', version: v, checklist, opinion: '武汉市制造业基础雄厚，实施方案目标量化可考核，同意转报。', opinionDate: '2016-11-02' });

  // 湖州: submitted, waiting for 浙江's preliminary review.
  const huzhou = await make('huzhou', '【演示数据】湖州市“中国制造2025”试点示范城市实施方案', '湖州市人民政府', ['330500']);
  await transition(db, who('huzhou'), huzhou, { action: 'submit', version: 1 });

  // 郑洛新 cluster: returned by 河南 for revision, being revised.
  const zlx = await make('zhengzhou', '【演示数据】郑洛新“中国制造2025”试点示范城市群实施方案', '郑州市、洛阳市、新乡市人民政府', ['410100', '410300', '410700']);
  v = (await transition(db, who('zhengzhou'), zlx, { action: 'submit', version: 1 })).version;
  await (transition(db, who('henan'), zlx, { action: 'return', version: v, reasons: '请补充洛阳、新乡两市的基期数据来源，并细化城市群协同创新的任务分工。' }));

  // 苏南五市: a draft still being written (the checker shows what is missing).
  const sunan = await make('suzhou', '【演示数据】苏南五市“中国制造2025”试点示范城市群实施方案（草稿）', '南京、无锡、常州、苏州、镇江市人民政府', ['320500', '320100', '320200', '320400', '321100'], false);
  const draft = buildSamplePlan({ applicant: '南京、无锡、常州、苏州、镇江市人民政府', cityCodes: ['320500', '320100', '320200', '320400', '321100'], applicationYear: 2016, title: '苏南五市“中国制造2025”试点示范城市群实施方案', complete: false });
  await savePlan(db, who('suzhou'), sunan, { version: 1, plan: draft });
  return true;
}
