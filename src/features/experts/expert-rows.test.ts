import { describe, expect, it } from 'vitest';
import { DEMO_EXPERTS } from './demo-experts.js';
import { expertInputSchema } from './expert-input.js';
import { guessOrganisationType, organisationTypeOf, relationKindOf } from './expert-labels.js';
import { divisionCodeProblems, placeName, resolveCity, resolvePlace, resolveProvince } from './expert-places.js';
import { COLUMN_KEYS, EXPERT_COLUMNS, expertToCells, mapHeaders, parseExpertRows, type ColumnKey, type RawRow } from './expert-rows.js';

const GOOD: Partial<Record<ColumnKey, string>> = {
  name: '王立新',
  organisation: '哈尔滨工业大学',
  organisationType: '部属高校',
  title: '教授',
  province: '黑龙江',
  city: '哈尔滨',
  fields: '装备制造、智能制造',
  relations: '',
  available: '是',
  loadCap: '5',
  email: 'wanglx@example.edu.cn',
  phone: '0451-86410000',
};

/** A good row (its own name, so rows are no repeats) with some cells replaced. */
const row = (n: number, cells: Partial<Record<ColumnKey, string>>): RawRow => ({ row: n, cells: { ...GOOD, name: `专家${n}`, ...cells } });

describe('division names', () => {
  it('resolves provinces by full name, short name or code', () => {
    expect(resolveProvince('浙江')).toEqual({ ok: true, code: '330000' });
    expect(resolveProvince('浙江省')).toEqual({ ok: true, code: '330000' });
    expect(resolveProvince(' 内蒙古 ')).toEqual({ ok: true, code: '150000' });
    expect(resolveProvince('330000')).toEqual({ ok: true, code: '330000' });
    expect(resolveProvince('330200').ok).toBe(false);
    expect(resolveProvince('火星省')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('resolves cities inside their province, with or without suffix or province prefix', () => {
    expect(resolveCity('宁波', '330000')).toEqual({ ok: true, code: '330200' });
    expect(resolveCity('宁波市', '330000')).toEqual({ ok: true, code: '330200' });
    expect(resolveCity('浙江省宁波市', '330000')).toEqual({ ok: true, code: '330200' });
    expect(resolveCity('', '330000')).toEqual({ ok: true, code: null });
    expect(resolveCity('北京市', '110000')).toEqual({ ok: true, code: null });
    expect(resolveCity('海淀区', '110000')).toEqual({ ok: true, code: '110108' });
    expect(resolveCity('北京市海淀区', '110000')).toEqual({ ok: true, code: '110108' });
    expect(resolveCity('佛山市顺德区', '440000')).toEqual({ ok: true, code: '440606' });
    expect(resolveCity('吉林', '220000')).toEqual({ ok: true, code: '220200' });
    expect(resolveCity('武汉', '330000')).toMatchObject({ ok: false, reason: 'outside_province' });
    expect(resolveCity('不存在市', '330000')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('resolves any division for relations and reports ambiguous short names', () => {
    expect(resolvePlace('宁波')).toEqual({ ok: true, code: '330200' });
    expect(resolvePlace('浙江省')).toEqual({ ok: true, code: '330000' });
    expect(resolvePlace('佛山市顺德区')).toEqual({ ok: true, code: '440606' });
    expect(resolvePlace('广东省佛山市顺德区')).toEqual({ ok: true, code: '440606' });
    expect(resolvePlace('吉林')).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(resolvePlace('吉林市')).toEqual({ ok: true, code: '220200' });
  });

  it('names districts with their city, so the name resolves back to the code', () => {
    expect(placeName('440606')).toBe('佛山市顺德区');
    expect(placeName('110108')).toBe('北京市海淀区');
    expect(placeName('330200')).toBe('宁波市');
    for (const code of ['440606', '110108', '330200', '330000', '500101', '419001', '220200']) {
      expect(resolvePlace(placeName(code))).toEqual({ ok: true, code });
    }
  });

  it('checks the division codes of an API record', () => {
    expect(divisionCodeProblems({ provinceCode: '330000', cityCode: '330200', relations: [{ cityCode: '420100' }] })).toEqual([]);
    expect(divisionCodeProblems({ provinceCode: '330200', cityCode: null, relations: [] })).toMatchObject([{ path: 'provinceCode' }]);
    expect(divisionCodeProblems({ provinceCode: '330000', cityCode: '420100', relations: [] })).toMatchObject([{ path: 'cityCode' }]);
    expect(divisionCodeProblems({ provinceCode: '330000', cityCode: null, relations: [{ cityCode: '999999' }] })).toMatchObject([{ path: 'relations.0.cityCode' }]);
  });
});

describe('labels', () => {
  it('reads organisation types and relation kinds by label, alias or key', () => {
    expect(organisationTypeOf('部属高校')).toBe('university');
    expect(organisationTypeOf('高校')).toBe('university');
    expect(organisationTypeOf('中国工程院')).toBe('cae');
    expect(organisationTypeOf('enterprise')).toBe('enterprise');
    expect(organisationTypeOf('协会')).toBeUndefined();
    expect(relationKindOf('参与编制实施方案')).toBe('drafted_plan');
    expect(relationKindOf('参与编制方案')).toBe('drafted_plan');
    expect(relationKindOf('提供咨询服务')).toBe('advised');
    expect(relationKindOf('亲属')).toBeUndefined();
    expect(guessOrganisationType('中国工程院')).toBe('cae');
    expect(guessOrganisationType('浙江大学')).toBe('university');
    expect(guessOrganisationType('中国科学院沈阳自动化研究所')).toBe('institute');
    expect(guessOrganisationType('宁波均胜电子股份有限公司')).toBe('enterprise');
  });
});

describe('mapHeaders', () => {
  it('maps the template headers and tolerates markers and aliases', () => {
    const { columns, errors } = mapHeaders(EXPERT_COLUMNS.map((c) => c.header));
    expect(errors).toEqual([]);
    expect([...columns.values()]).toEqual([...COLUMN_KEYS]);
    const loose = mapHeaders(['姓名*', ' 单位 ', '省份（必填）', '专业领域', '备注']);
    expect(loose.errors).toEqual([]);
    expect([...loose.columns.entries()]).toEqual([
      [0, 'name'],
      [1, 'organisation'],
      [2, 'province'],
      [3, 'fields'],
    ]);
  });

  it('names each missing required column and repeated columns', () => {
    const { errors } = mapHeaders(['姓名', '姓名', '职称']);
    expect(errors.map((e) => e.column)).toEqual(['姓名', '工作单位', '所在省份', '专业领域']);
    expect(errors.every((e) => e.row === 1)).toBe(true);
  });
});

describe('parseExpertRows', () => {
  it('reads a complete row', () => {
    const { experts, errors } = parseExpertRows([
      row(2, { name: '王立新', relations: '宁波:参与编制方案；武汉市：提供咨询服务：2016年受聘为顾问: 三年', email: '' }),
    ]);
    expect(errors).toEqual([]);
    expect(experts).toEqual([
      {
        row: 2,
        name: '王立新',
        organisation: '哈尔滨工业大学',
        organisationType: 'university',
        title: '教授',
        provinceCode: '230000',
        cityCode: '230100',
        fields: ['装备制造', '智能制造'],
        relations: [
          { cityCode: '330200', kind: 'drafted_plan', note: '' },
          { cityCode: '420100', kind: 'advised', note: '2016年受聘为顾问: 三年' },
        ],
        available: true,
        loadCap: 5,
        email: null,
        phone: '0451-86410000',
      },
    ]);
  });

  it('applies the defaults for empty optional cells', () => {
    const { experts, errors } = parseExpertRows([
      { row: 2, cells: { name: '李四', organisation: '中国科学院', province: '北京', fields: '新材料,节能环保；新材料' } },
    ]);
    expect(errors).toEqual([]);
    expect(experts[0]).toMatchObject({ organisationType: 'cas', cityCode: null, available: true, loadCap: 5, title: '', fields: ['新材料', '节能环保'], relations: [] });
  });

  it('skips empty rows and reports a file without experts', () => {
    expect(parseExpertRows([row(2, {}), { row: 3, cells: { name: ' ', fields: '' } }]).experts).toHaveLength(1);
    const empty = parseExpertRows([{ row: 2, cells: {} }]);
    expect(empty.experts).toEqual([]);
    expect(empty.errors).toHaveLength(1);
  });

  it('reports every problem with its Excel row and column, in both languages', () => {
    const { experts, errors } = parseExpertRows([
      row(2, {}),
      row(3, { province: '火星省' }),
      row(4, { name: '' }),
      row(5, { loadCap: '0' }),
      row(6, { email: 'not-an-email' }),
      row(7, { relations: '宁波市:亲属关系' }),
      row(8, { fields: ' 、 ' }),
      row(9, { city: '武汉' }),
      row(10, { available: '也许', loadCap: '3.5', organisationType: '协会' }),
      row(11, { relations: '宁波市' }),
      row(12, { relations: '吉林:提供咨询服务' }),
      row(13, { name: '专家2' }),
    ]);
    expect(experts.map((e) => e.row)).toEqual([2]);
    const byRow = errors.map((e) => [e.row, e.column]);
    expect(byRow).toEqual([
      [3, '所在省份'],
      [4, '姓名'],
      [5, '评审上限'],
      [6, '电子邮箱'],
      [7, '关联城市'],
      [8, '专业领域'],
      [9, '所在城市'],
      [10, '单位类型'],
      [10, '是否可用'],
      [10, '评审上限'],
      [11, '关联城市'],
      [12, '关联城市'],
      [13, '姓名'],
    ]);
    for (const e of errors) {
      expect(e.message.zh.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
    expect(errors.find((e) => e.row === 3)!.message.zh).toContain('火星省');
    expect(errors.find((e) => e.row === 7)!.message.zh).toContain('参与编制实施方案');
    expect(errors.find((e) => e.row === 13)!.message.zh).toContain('第 2 行');
  });

  it('accepts load caps from 1 to 50 only', () => {
    for (const [cap, ok] of [['1', true], ['50', true], ['12.0', true], ['51', false], ['-1', false], ['五', false]] as const) {
      expect(parseExpertRows([row(2, { loadCap: cap })]).errors.length === 0, cap).toBe(ok);
    }
  });
});

describe('export rows read back as the same record', () => {
  it('round-trips every demo expert, and each is a valid API record', () => {
    expect(DEMO_EXPERTS.length).toBeGreaterThanOrEqual(10);
    const rows: RawRow[] = DEMO_EXPERTS.map((e, i) => {
      const cells = expertToCells(e);
      return { row: i + 2, cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, String(v)])) };
    });
    const { experts, errors } = parseExpertRows(rows);
    expect(errors).toEqual([]);
    expect(experts.map(({ row: _row, ...e }) => e)).toEqual(DEMO_EXPERTS);
    for (const e of DEMO_EXPERTS) {
      expect(expertInputSchema.parse(e)).toEqual(e);
      expect(divisionCodeProblems(e)).toEqual([]);
    }
    expect(DEMO_EXPERTS.some((e) => e.relations.some((r) => r.cityCode === '330200'))).toBe(true);
    expect(DEMO_EXPERTS.some((e) => e.relations.some((r) => r.cityCode === '420100'))).toBe(true);
  });

  it('writes fields with 、 and relations as 城市:类别[:说明] separated by ；', () => {
    const cells = expertToCells({ ...DEMO_EXPERTS[0]!, relations: [{ cityCode: '330200', kind: 'drafted_plan', note: '' }, { cityCode: '440606', kind: 'other', note: '曾任顾问；两年' }] });
    expect(cells.fields).toBe('装备制造、智能制造');
    expect(cells.relations).toBe('宁波市:参与编制实施方案；佛山市顺德区:其他关联:曾任顾问，两年');
    expect(cells.available).toBe('是');
    expect(cells.organisationType).toBe('中国工程院');
  });
});
