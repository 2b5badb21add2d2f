/** Experts with user accounts for review tests: several provinces, fields around the sample plan's industries. */
import type { Db } from '../../src/db/client.js';
import { experts } from '../../src/db/schema.js';
import { createOrganisation, createUser, hashPassword } from '../../src/features/accounts/accounts.queries.js';
import { PASSWORD } from './seed-accounts.js';

export interface TestExpert {
  username: string;
  name: string;
  organisation: string;
  provinceCode: string;
  cityCode: string | null;
  fields: string[];
  relations?: { cityCode: string; kind: string; note: string }[];
  loadCap?: number;
}

export const TEST_EXPERTS: TestExpert[] = [
  { username: 'exp-bj', name: '王院士', organisation: '中国工程院', provinceCode: '110000', cityCode: '110108', fields: ['汽车及零部件', '智能制造'] },
  { username: 'exp-hrb', name: '李教授', organisation: '哈尔滨工业大学', provinceCode: '230000', cityCode: '230100', fields: ['高端装备', '智能装备'] },
  { username: 'exp-wh', name: '张教授', organisation: '华中科技大学', provinceCode: '420000', cityCode: '420100', fields: ['智能装备', '新材料'] },
  { username: 'exp-sh', name: '陈研究员', organisation: '中国科学院上海硅酸盐研究所', provinceCode: '310000', cityCode: '310104', fields: ['新材料'] },
  { username: 'exp-gz', name: '刘总工', organisation: '广州机械科学研究院', provinceCode: '440000', cityCode: '440100', fields: ['高端装备', '汽车'] },
  // Conflicts: same province as a 杭州 application; declared relation with 杭州.
  { username: 'exp-zj', name: '周教授', organisation: '浙江大学', provinceCode: '330000', cityCode: '330100', fields: ['汽车及零部件'] },
  { username: 'exp-rel', name: '吴研究员', organisation: '机械工业经济管理研究院', provinceCode: '110000', cityCode: '110102', fields: ['高端装备'], relations: [{ cityCode: '330100', kind: 'drafted_plan', note: '参与编制实施方案' }] },
];

export async function seedExperts(db: Db, list: TestExpert[] = TEST_EXPERTS): Promise<Map<string, string>> {
  const orgId = await createOrganisation(db, { name: '国家制造强国建设战略咨询委员会（测试）', kind: 'expert_committee', divisionCode: '110000' });
  const passwordHash = await hashPassword(PASSWORD);
  const ids = new Map<string, string>();
  for (const e of list) {
    const userId = await createUser(db, { username: e.username, passwordHash, displayName: e.name, role: 'expert', organisationId: orgId });
    const [row] = await db
      .insert(experts)
      .values({
        userId,
        name: e.name,
        organisation: e.organisation,
        provinceCode: e.provinceCode,
        cityCode: e.cityCode,
        fields: e.fields,
        relations: e.relations ?? [],
        loadCap: e.loadCap ?? 5,
        email: `${e.username}@example.org`,
      })
      .returning({ id: experts.id });
    ids.set(e.username, row!.id);
  }
  return ids;
}
