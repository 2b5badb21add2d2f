import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const HEADERS = ['姓名', '工作单位', '单位类型', '职称', '所在省份', '所在城市', '专业领域', '关联城市', '是否可用', '评审上限', '电子邮箱', '电话'];

function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----mic2025experts';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function workbook(rows: (string | number | null)[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家库');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheets(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const upload = (client: Client, filename: string, content: Buffer) => {
  const m = multipart(filename, content);
  return client.request('POST', '/api/v1/experts/import', m.body, m.headers);
};

const EXPERT_A = {
  name: '王立新',
  organisation: '哈尔滨工业大学',
  organisationType: 'university',
  title: '教授',
  provinceCode: '230000',
  cityCode: '230100',
  fields: ['装备制造', '智能制造'],
  relations: [
    { cityCode: '330200', kind: 'drafted_plan', note: '' },
    { cityCode: '440606', kind: 'advised', note: '2016年受聘为区政府顾问' },
  ],
  available: true,
  loadCap: 5,
  email: 'wanglx@example.edu.cn',
  phone: '0451-86410000',
};

const EXPERT_B = {
  name: '周海澜',
  organisation: '中国科学院',
  organisationType: 'cas',
  title: '中国科学院院士',
  provinceCode: '110000',
  cityCode: '110108',
  fields: ['新材料'],
  relations: [],
  available: false,
  loadCap: 3,
  email: null,
  phone: null,
};

const EXPERT_C = {
  name: '陈思齐',
  organisation: '华中科技大学',
  organisationType: 'university',
  title: '教授',
  provinceCode: '420000',
  fields: ['智能制造', '汽车及零部件'],
  relations: [{ cityCode: '420100', kind: 'employed', note: '武汉市政府特聘专家' }],
  loadCap: 4,
};

/** What the planning department may do with any record (shared/permissions/expert-scope.ts). */
const MANAGER_ABILITIES = ['edit', 'setAvailable', 'downloadScores'];

/** The parts of an expert that survive export and import. */
const essence = (e: Record<string, unknown>) => ({
  name: e.name,
  organisation: e.organisation,
  organisationType: e.organisationType,
  title: e.title,
  provinceCode: e.provinceCode,
  cityCode: e.cityCode,
  fields: e.fields,
  relations: (e.relations as { cityCode: string; kind: string; note: string }[]).map(({ cityCode, kind, note }) => ({ cityCode, kind, note })),
  available: e.available,
  loadCap: e.loadCap,
  email: e.email,
  phone: e.phone,
});

describe.each(dbKinds())('expert pool on %s', (kind) => {
  let t: TestApp;
  let ministry: Client;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await makeTestApp(kind, { MAX_UPLOAD_BYTES: String(256 * 1024) });
    await seedAccounts(t.database.db);
    ministry = await login(t.app, 'guihuasi', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query = '') => {
    const res = await ministry.request('GET', `/api/v1/experts${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Record<string, unknown>[]; total: number };
  };

  it('is for the ministry planning department only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/experts' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/experts/export.xlsx' })).statusCode).toBe(401);
    const wb = await workbook([]);
    for (const u of ['hangzhou', 'zhejiang', 'expert', 'zhuangbeisi']) {
      const c = await login(t.app, u, PASSWORD);
      expect((await c.request('GET', '/api/v1/experts')).statusCode, u).toBe(403);
      expect((await c.request('POST', '/api/v1/experts', EXPERT_A)).statusCode, u).toBe(403);
      expect((await c.request('GET', '/api/v1/experts/export.xlsx')).statusCode, u).toBe(403);
      expect((await c.request('GET', '/api/v1/experts/template.xlsx')).statusCode, u).toBe(403);
      expect((await upload(c, 'experts.xlsx', wb)).statusCode, u).toBe(403);
      expect((await c.request('PATCH', '/api/v1/experts/00000000-0000-4000-8000-000000000000', { available: false })).statusCode, u).toBe(403);
    }
  });

  it('creates experts, resolving division names', async () => {
    for (const [key, body] of Object.entries({ a: EXPERT_A, b: EXPERT_B, c: EXPERT_C })) {
      const res = await ministry.request('POST', '/api/v1/experts', body);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    }
    const a = (await ministry.request('GET', `/api/v1/experts/${ids.a}`)).json();
    expect(a).toMatchObject({ ...EXPERT_A, provinceName: '黑龙江省', cityName: '哈尔滨市', isDemo: false });
    expect(a.relations.map((r: { cityName: string }) => r.cityName)).toEqual(['宁波市', '佛山市顺德区']);
    expect(a.relations[0].kindLabel.zh).toBe('参与编制实施方案');
    // The planning department manages the pool and the review: every action on the record.
    expect(a.abilities).toEqual(MANAGER_ABILITIES);
    expect(new Date(a.createdAt).toISOString()).toBe(a.createdAt);
    const c = (await ministry.request('GET', `/api/v1/experts/${ids.c}`)).json();
    expect(c).toMatchObject({ cityCode: null, cityName: null, available: true, email: null, phone: null });
    expect((await ministry.request('GET', '/api/v1/experts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses invalid records with 422', async () => {
    const bad: Record<string, unknown>[] = [
      { ...EXPERT_A, provinceCode: '330200' },
      { ...EXPERT_A, provinceCode: '999900' },
      { ...EXPERT_A, cityCode: '420100' },
      { ...EXPERT_A, relations: [{ cityCode: '999999', kind: 'advised', note: '' }] },
      { ...EXPERT_A, relations: [{ cityCode: '330200', kind: 'cousin', note: '' }] },
      { ...EXPERT_A, fields: [] },
      { ...EXPERT_A, fields: [' 、 '] },
      { ...EXPERT_A, loadCap: 0 },
      { ...EXPERT_A, loadCap: 51 },
      { ...EXPERT_A, email: 'not-an-email' },
      { ...EXPERT_A, name: '  ' },
      { ...EXPERT_A, organisationType: 'club' },
    ];
    for (const body of bad) {
      const res = await ministry.request('POST', '/api/v1/experts', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await list()).total).toBe(3);
  });

  it('lists and filters by text, field, province and availability', async () => {
    const all = await list();
    expect(all.total).toBe(3);
    expect(all.items.find((e) => e.id === ids.b)).toMatchObject({ provinceName: '北京市', cityName: '北京市海淀区' });
    for (const e of all.items) expect(e.abilities, String(e.name)).toEqual(MANAGER_ABILITIES);
    const names = async (q: string) => (await list(q)).items.map((e) => e.name).sort();
    expect(await names('?q=哈尔滨')).toEqual(['王立新']);
    expect(await names('?q=院士')).toEqual(['周海澜']);
    expect(await names(`?field=${encodeURIComponent('智能制造')}`)).toEqual(['王立新', '陈思齐'].sort());
    expect(await names('?provinceCode=420000')).toEqual(['陈思齐']);
    expect(await names('?available=false')).toEqual(['周海澜']);
    expect(await names(`?available=true&field=${encodeURIComponent('装备制造')}`)).toEqual(['王立新']);
    expect(await names('?q=%25')).toEqual([]);
    const page = await list('?pageSize=2&page=2');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    expect((await ministry.request('GET', '/api/v1/experts?provinceCode=abc')).statusCode).toBe(422);
    const fields = (await ministry.request('GET', '/api/v1/experts/fields')).json();
    expect(fields.inUse).toEqual(expect.arrayContaining(['装备制造', '智能制造', '新材料', '汽车及零部件']));
    expect(fields.suggested).toContain('两化融合');
  });

  it('updates an expert and switches availability', async () => {
    const before = (await ministry.request('GET', `/api/v1/experts/${ids.c}`)).json().version as number;
    const put = await ministry.request('PUT', `/api/v1/experts/${ids.c}`, { ...EXPERT_C, cityCode: '420100', title: '教授、博士生导师', loadCap: 6, version: before });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ cityCode: '420100', cityName: '武汉市', title: '教授、博士生导师', loadCap: 6, version: before + 1 });
    // An edit made on the old version is refused and changes nothing.
    const stale = await ministry.request('PUT', `/api/v1/experts/${ids.c}`, { ...EXPERT_C, title: '研究员', version: before });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(put.json().title).toBe('教授、博士生导师');
    expect((await ministry.request('GET', `/api/v1/experts/${ids.c}`)).json().title).toBe('教授、博士生导师');
    expect((await ministry.request('PUT', `/api/v1/experts/${ids.c}`, { ...EXPERT_C, cityCode: '330200', version: before + 1 })).statusCode).toBe(422);
    expect((await ministry.request('PUT', `/api/v1/experts/${ids.c}`, { ...EXPERT_C })).statusCode).toBe(422);
    expect((await ministry.request('PUT', '/api/v1/experts/00000000-0000-4000-8000-000000000000', { ...EXPERT_C, version: 1 })).statusCode).toBe(404);
    const off = await ministry.request('PATCH', `/api/v1/experts/${ids.c}`, { available: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().available).toBe(false);
    // Switching availability is a change too: an edit made before it would silently switch it back.
    expect(off.json().version).toBe(before + 2);
    expect((await ministry.request('PUT', `/api/v1/experts/${ids.c}`, { ...EXPERT_C, version: before + 1 })).statusCode).toBe(409);
    expect(off.json().abilities).toEqual(MANAGER_ABILITIES);
    expect((await list('?available=false')).total).toBe(2);
    await ministry.request('PATCH', `/api/v1/experts/${ids.c}`, { available: true });
    expect((await ministry.request('PATCH', `/api/v1/experts/${ids.c}`, { available: 'yes' })).statusCode).toBe(422);
    expect((await ministry.request('PATCH', '/api/v1/experts/00000000-0000-4000-8000-000000000000', { available: true })).statusCode).toBe(404);
  });

  it('exports the pool to Excel and the export imports into a fresh pool unchanged', async () => {
    const res = await ministry.request('GET', '/api/v1/experts/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const wb = await sheets(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['专家库', '填写说明']);
    const ws = wb.getWorksheet('专家库')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.actualRowCount).toBe(4);
    const rowOf = (name: string) => {
      let found: unknown[] = [];
      ws.eachRow((r) => {
        if (r.getCell(1).value === name) found = (r.values as unknown[]).slice(1);
      });
      return found;
    };
    expect(rowOf('王立新')).toEqual([
      '王立新',
      '哈尔滨工业大学',
      '部属高校',
      '教授',
      '黑龙江省',
      '哈尔滨市',
      '装备制造、智能制造',
      '宁波市:参与编制实施方案；佛山市顺德区:提供咨询服务:2016年受聘为区政府顾问',
      '是',
      5,
      'wanglx@example.edu.cn',
      '0451-86410000',
    ]);
    expect(rowOf('周海澜').slice(4, 10)).toEqual(['北京市', '北京市海淀区', '新材料', '', '否', 3]);
    const help = wb.getWorksheet('填写说明')!;
    const helpText: string[] = [];
    help.eachRow((r) => helpText.push(String(r.getCell(1).value ?? '')));
    for (const h of HEADERS) expect(helpText).toContain(h);

    const filtered = await sheets((await ministry.request('GET', '/api/v1/experts/export.xlsx?provinceCode=420000')).rawPayload);
    expect(filtered.getWorksheet('专家库')!.actualRowCount).toBe(2);

    const fresh = await makeTestApp(kind);
    try {
      await seedAccounts(fresh.database.db);
      const other = await login(fresh.app, 'guihuasi', PASSWORD);
      const imported = await upload(other, '专家库.xlsx', res.rawPayload);
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toEqual({ created: 3 });
      const before = (await list()).items.map(essence);
      const after = (await other.request('GET', '/api/v1/experts')).json().items.map(essence);
      const byName = (a: { name: unknown }, b: { name: unknown }) => String(a.name).localeCompare(String(b.name));
      expect(after.sort(byName)).toEqual(before.sort(byName));
      // The same file again would repeat every expert: refused, nothing saved.
      const again = await upload(other, '专家库.xlsx', res.rawPayload);
      expect(again.statusCode).toBe(422);
      expect(again.json().error.details.rows).toHaveLength(3);
      expect((await other.request('GET', '/api/v1/experts')).json().total).toBe(3);
    } finally {
      await fresh.close();
    }
  });

  it('serves an empty template with the instructions sheet', async () => {
    const res = await ministry.request('GET', '/api/v1/experts/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = await sheets(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['专家库', '填写说明']);
    expect(wb.getWorksheet('专家库')!.actualRowCount).toBe(1);
    const empty = await upload(ministry, '模板.xlsx', res.rawPayload);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.rows).toHaveLength(1);
  });

  it('imports a hand-made sheet with names instead of codes', async () => {
    const buf = await workbook([
      ['林国栋', '中国工程院', '', '中国工程院院士', '北京', '海淀区', '装备制造，智能制造', '', '', '', '', ''],
      ['沈雅琴', '浙江大学', '高校', '教授', '浙江', '杭州', '新材料、生物医药', '宁波:参与编制方案', '是', 4, 'shenyq@example.edu.cn', ''],
    ]);
    const res = await upload(ministry, 'experts.xlsx', buf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const items = (await list('?q=' + encodeURIComponent('沈雅琴'))).items;
    expect(items[0]).toMatchObject({ organisationType: 'university', provinceCode: '330000', cityCode: '330100', fields: ['新材料', '生物医药'], relations: [{ cityCode: '330200', kind: 'drafted_plan', note: '' }], loadCap: 4 });
    const lin = (await list('?q=' + encodeURIComponent('林国栋'))).items[0];
    expect(lin).toMatchObject({ organisationType: 'cae', provinceCode: '110000', cityCode: '110108', loadCap: 5, available: true, email: null });
  });

  it('refuses a file with bad rows, naming each row and column, and saves nothing', async () => {
    const before = (await list()).total;
    const buf = await workbook([
      ['赵一', '某大学', '高校', '教授', '浙江', '宁波', '新材料', '', '是', 5, '', ''],
      ['钱二', '某研究院', '科研院所', '研究员', '火星省', '', '新材料', '', '是', 5, '', ''],
      ['', '某公司', '企业', '', '湖北', '武汉', '装备制造', '', '是', 5, '', ''],
      ['孙三', '某公司', '企业', '', '湖北', '武汉', '装备制造', '', '是', 0, '', ''],
      ['李四', '某公司', '企业', '', '湖北', '武汉', '装备制造', '', '是', 5, 'li4@', ''],
      ['周五', '某公司', '企业', '', '湖北', '武汉', '装备制造', '武汉市:亲戚', '是', 5, '', ''],
      ['吴六', '某公司', '企业', '', '湖北', '武汉', '', '', '是', 5, '', ''],
    ]);
    const res = await upload(ministry, 'bad.xlsx', buf);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const rows = body.error.details.rows as { row: number; column: string; message: { zh: string; en: string } }[];
    expect(rows.map((r) => [r.row, r.column])).toEqual([
      [3, '所在省份'],
      [4, '姓名'],
      [5, '评审上限'],
      [6, '电子邮箱'],
      [7, '关联城市'],
      [8, '专业领域'],
    ]);
    for (const r of rows) expect(r.message.zh && r.message.en).toBeTruthy();
    expect((await list()).total).toBe(before);
    expect((await list('?q=' + encodeURIComponent('赵一'))).total).toBe(0);
  });

  it('reports missing required columns', async () => {
    const res = await upload(ministry, 'cols.xlsx', await workbook([['赵一', '某大学']], ['姓名', '工作单位']));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows.map((r: { column: string }) => r.column)).toEqual(['所在省份', '专业领域']);
  });

  it('accepts .xlsx only, judged by the bytes', async () => {
    const before = (await list()).total;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const fake = await upload(ministry, 'experts.xlsx', pdf);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('FILE_TYPE_MISMATCH');
    const text = await upload(ministry, 'experts.xlsx', Buffer.from('姓名,工作单位\n赵一,某大学\n'));
    expect(text.statusCode).toBe(415);
    const csv = await upload(ministry, 'experts.csv', Buffer.from('姓名,工作单位\n赵一,某大学\n'));
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const realPdf = await upload(ministry, 'experts.pdf', pdf);
    expect(realPdf.statusCode).toBe(415);
    expect(realPdf.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const xlsxAsPdf = await upload(ministry, 'experts.pdf', await workbook([]));
    expect(xlsxAsPdf.statusCode).toBe(415);
    // A ZIP that claims to be a workbook but is broken.
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml'), Buffer.alloc(64)]);
    const brokenRes = await upload(ministry, 'experts.xlsx', broken);
    expect(brokenRes.statusCode).toBe(415);
    expect((await ministry.request('POST', '/api/v1/experts/import', { file: 'x' })).statusCode).toBe(400);
    const big = await upload(ministry, 'big.xlsx', Buffer.concat([await workbook([]), Buffer.alloc(300 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect((await list()).total).toBe(before);
  });
});
