/**
 * The columns of 专家库.xlsx: Chinese header, English name, whether required, width, the help text
 * of the 填写说明 sheet and an example. Pure data, no I/O: the web uses it for error tables too.
 */
import { EXPERT_LIMITS as L, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, RELATION_KIND_LABELS, RELATION_KINDS } from './expert-labels.js';

export const EXPERT_SHEET = '专家库';
export const HELP_SHEET = '填写说明';

export const COLUMN_KEYS = ['name', 'organisation', 'organisationType', 'title', 'province', 'city', 'fields', 'relations', 'available', 'loadCap', 'email', 'phone'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  en: string;
  required: boolean;
  width: number;
  help: string;
  example: string;
  /** Other headers accepted on import. */
  aliases: readonly string[];
}

const orgTypeList = ORGANISATION_TYPES.map((t) => ORGANISATION_TYPE_LABELS[t].zh).join('、');
const relationKindList = RELATION_KINDS.map((k) => RELATION_KIND_LABELS[k].zh).join('、');

export const EXPERT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', header: '姓名', en: 'Name', required: true, width: 10, help: '专家姓名。姓名和工作单位均相同的视为同一人，不能重复导入。', example: '王立新', aliases: ['专家姓名'] },
  { key: 'organisation', header: '工作单位', en: 'Organisation', required: true, width: 28, help: '工作单位全称，用于利益冲突回避（与方案所列园区、企业、创新载体比对），请勿使用简称。', example: '哈尔滨工业大学', aliases: ['单位', '所在单位', '单位名称'] },
  { key: 'organisationType', header: '单位类型', en: 'Organisation type', required: false, width: 12, help: `可填：${orgTypeList}（“高校”同“部属高校”）。不填时按工作单位名称推断。`, example: '部属高校', aliases: ['单位性质'] },
  { key: 'title', header: '职称', en: 'Title', required: false, width: 16, help: '职称或职务，如 教授、研究员、正高级工程师、中国工程院院士。', example: '教授', aliases: ['职称职务', '职务'] },
  { key: 'province', header: '所在省份', en: 'Province', required: true, width: 12, help: '省、自治区、直辖市名称，全称或简称均可（浙江 或 浙江省）。', example: '黑龙江省', aliases: ['省份', '所在省', '省'] },
  { key: 'city', header: '所在城市', en: 'City', required: false, width: 14, help: '所在省份内的地级市（州、盟）或区县，全称或简称均可（宁波 或 宁波市）；直辖市填区县名称，可不填。', example: '哈尔滨市', aliases: ['城市', '所在市', '市'] },
  { key: 'fields', header: '专业领域', en: 'Fields', required: true, width: 28, help: '至少一项；多项用顿号“、”分隔。建议使用方案中的产业名称，如 装备制造、新材料、智能制造、两化融合。', example: '装备制造、智能制造', aliases: ['领域', '专业', '研究领域'] },
  { key: 'relations', header: '关联城市', en: 'Related cities', required: false, width: 36, help: `专家申报的与城市的关联关系，用于回避。每项写作“城市:关系类别”，需要时加“:说明”；多项用“；”分隔。关系类别可填：${relationKindList}。城市可为省、地级市或区县（如 浙江省、宁波市、佛山市顺德区）。`, example: '宁波市:参与编制实施方案；武汉市:提供咨询服务:2016年受聘为市政府顾问', aliases: ['关联关系', '回避城市'] },
  { key: 'available', header: '是否可用', en: 'Available', required: false, width: 10, help: '填“是”或“否”；不填视为“是”。不可用的专家不参与评审组推荐。', example: '是', aliases: ['可用', '状态'] },
  { key: 'loadCap', header: '评审上限', en: 'Load cap', required: false, width: 10, help: `同时承担评审任务的上限，${L.loadCapMin}–${L.loadCapMax} 的整数；不填为 ${L.loadCapDefault}。`, example: '5', aliases: ['评审数量上限', '负荷上限'] },
  { key: 'email', header: '电子邮箱', en: 'Email', required: false, width: 24, help: '用于发送评审通知，可不填；填写时须为有效的邮箱地址。', example: 'wanglx@example.edu.cn', aliases: ['邮箱', 'email', 'e-mail'] },
  { key: 'phone', header: '电话', en: 'Phone', required: false, width: 16, help: '联系电话，可不填。', example: '0451-86410000', aliases: ['联系电话', '手机', '手机号码'] },
];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnSpec>> = Object.fromEntries(EXPERT_COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ColumnSpec>;
