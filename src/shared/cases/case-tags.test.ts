import { describe, expect, it } from 'vitest';
import { CITY_TYPE_LABELS as PLAN_CITY_TYPE_LABELS, CITY_TYPES as PLAN_CITY_TYPES } from '../plan/plan-schema';
import { CASE_TAG_KINDS, CASE_TAG_VOCABULARY, CASE_THEME_LABELS, CITY_TYPE_LABELS, CITY_TYPES, tagLabels, unknownTags } from './case-tags';

describe('the case tag vocabularies', () => {
  it('label every code in both languages', () => {
    for (const kind of CASE_TAG_KINDS) {
      const { codes, labels } = CASE_TAG_VOCABULARY[kind];
      for (const code of codes) {
        const label = (labels as Record<string, { zh: string; en: string }>)[code];
        expect(label?.zh, `${kind}.${code}`).toBeTruthy();
        expect(label?.en, `${kind}.${code}`).toBeTruthy();
      }
    }
  });

  it('tag city types with exactly the plan’s city types and labels', () => {
    expect(CITY_TYPES).toEqual(PLAN_CITY_TYPES);
    expect(CITY_TYPE_LABELS).toEqual(PLAN_CITY_TYPE_LABELS);
  });

  it('hold the themes the notice names', () => {
    expect(Object.values(CASE_THEME_LABELS).map((l) => l.zh)).toEqual(expect.arrayContaining(['智能制造', '绿色制造', '服务型制造', '互联网+制造', '制造业创新中心', '人才', '政策']));
  });

  it('give the labels of a case in the vocabulary order, and find unknown codes', () => {
    const tags = { cityTypes: ['eastern_innovative'], regions: ['east'], industries: ['steel', 'equipment'], themes: ['green_manufacturing'] };
    expect(tagLabels(tags)).toEqual(['东部创新型城市', '东部', '高端装备', '钢铁', '绿色制造']);
    expect(tagLabels(tags, 'en')[1]).toBe('East');
    expect(unknownTags(tags)).toEqual({});
    expect(unknownTags({ ...tags, themes: ['green_manufacturing', 'nope'], regions: ['south'] })).toEqual({ themes: ['nope'], regions: ['south'] });
  });
});
