/**
 * Vocabulary of the expert pool (专家库), shared by the API, the Excel import/export and the web:
 * organisation types with their labels and the names accepted on import, relation kinds (from the
 * conflict-of-interest rules), suggested fields of expertise and the limits of an expert record.
 * Pure data, no I/O: safe to import in the browser.
 */
import { RELATION_KIND_LABELS, RELATION_KINDS, type RelationKind } from '../../shared/review/conflicts';

export { RELATION_KIND_LABELS, RELATION_KINDS, type RelationKind };

export interface BilingualLabel {
  zh: string;
  en: string;
}

export const ORGANISATION_TYPES = ['cae', 'cas', 'university', 'enterprise', 'institute', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, BilingualLabel> = {
  cae: { zh: '中国工程院', en: 'Chinese Academy of Engineering' },
  cas: { zh: '中国科学院', en: 'Chinese Academy of Sciences' },
  university: { zh: '部属高校', en: 'University' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institute: { zh: '科研院所', en: 'Research institute' },
  other: { zh: '其他', en: 'Other' },
};

/** Further names accepted for an organisation type on import (besides the label and the key). */
const ORGANISATION_TYPE_ALIASES: Record<OrganisationType, readonly string[]> = {
  cae: ['工程院', '中国工程院院士'],
  cas: ['中科院', '科学院', '中国科学院院士'],
  university: ['高校', '高等院校', '大学', '部属院校'],
  enterprise: ['企业单位', '公司'],
  institute: ['研究院所', '科研机构', '研究机构'],
  other: ['其它'],
};

function normaliseLabel(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The organisation type named by a label, an alias or the key; undefined when unknown. */
export function organisationTypeOf(text: string): OrganisationType | undefined {
  const wanted = normaliseLabel(text);
  if (!wanted) return undefined;
  return ORGANISATION_TYPES.find(
    (t) =>
      t === wanted ||
      normaliseLabel(ORGANISATION_TYPE_LABELS[t].zh) === wanted ||
      normaliseLabel(ORGANISATION_TYPE_LABELS[t].en) === wanted ||
      ORGANISATION_TYPE_ALIASES[t].some((a) => normaliseLabel(a) === wanted),
  );
}

/** A guess from the organisation's name, used when the import leaves the type empty. */
export function guessOrganisationType(organisation: string): OrganisationType {
  const o = organisation.normalize('NFKC');
  if (o.includes('工程院')) return 'cae';
  if (/中国科学院|中科院/.test(o) && !/(研究所|研究院|大学)$/.test(o)) return 'cas';
  if (/(研究所|研究院|设计院|研究中心)/.test(o)) return 'institute';
  if (/(大学|学院)/.test(o)) return 'university';
  if (/(公司|集团|厂|股份)/.test(o)) return 'enterprise';
  return 'other';
}

/** Extra names accepted for a relation kind on import (besides its Chinese and English labels). */
const RELATION_KIND_ALIASES: Record<RelationKind, readonly string[]> = {
  advised: ['咨询', '咨询服务', '提供咨询'],
  drafted_plan: ['参与编制方案', '编制方案', '参与编制', '编制实施方案'],
  employed: ['任职', '受聘', '任职受聘'],
  other: ['其他', '其它'],
};

/** The relation kind named by its label (提供咨询服务 …), an alias or its key; undefined when unknown. */
export function relationKindOf(text: string): RelationKind | undefined {
  const wanted = normaliseLabel(text);
  if (!wanted) return undefined;
  return RELATION_KINDS.find(
    (k) =>
      k === wanted ||
      normaliseLabel(RELATION_KIND_LABELS[k].zh) === wanted ||
      normaliseLabel(RELATION_KIND_LABELS[k].en) === wanted ||
      RELATION_KIND_ALIASES[k].some((a) => normaliseLabel(a) === wanted),
  );
}

/** Industries as the plans name them: suggestions for the fields of expertise (any text is allowed). */
export const SUGGESTED_FIELDS = [
  '汽车及零部件',
  '装备制造',
  '新材料',
  '电子信息',
  '生物医药',
  '节能环保',
  '纺织服装',
  '智能制造',
  '两化融合',
  '航空航天',
  '船舶与海洋工程',
  '轨道交通',
  '新能源',
  '石油化工',
  '钢铁冶金',
  '工业设计',
  '服务型制造',
  '质量品牌',
  '产业经济',
] as const;

/** Limits of an expert record; the API, the import and the form apply the same. */
export const EXPERT_LIMITS = {
  nameMax: 100,
  organisationMax: 200,
  titleMax: 100,
  fieldMax: 50,
  fieldsMax: 20,
  relationsMax: 20,
  noteMax: 200,
  phoneMax: 50,
  emailMax: 200,
  loadCapMin: 1,
  loadCapMax: 50,
  loadCapDefault: 5,
  importRowsMax: 2000,
} as const;
