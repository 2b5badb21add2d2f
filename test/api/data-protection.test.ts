/**
 * Issue 8 point 4: personal data sealed with SM4 at rest (the rows hold no plaintext, the API gives it to
 * those allowed), blind-index lookups, legacy plaintext sealed, key rotation on the command line, and
 * the SM3-HMAC seals of key records detecting a change made behind the application's back.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { migrateDatabase, openDatabase, type Database, type DbKind } from '../../src/db/client.js';
import { createUser, findUsersByEmail } from '../../src/features/accounts/accounts.queries.js';
import { userEmailsOf } from '../../src/features/accounts/public.js';
import { getExpert } from '../../src/features/experts/experts.queries.js';
import type { OutgoingEmail } from '../../src/features/notifications/mail-transport.js';
import { sendOutboxEmail } from '../../src/features/notifications/outbox.js';
import { insertEmails } from '../../src/features/notifications/public.js';
import { configureDataProtection, dataProtection, openField, parseDataProtection, sealedKid } from '../../src/kernel/field-crypto.js';
import { verifyRecordIntegrity } from '../../src/kernel/record-integrity.js';
import { sealAllFields, sealedCensus } from '../../src/kernel/sealed-fields.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { createPgDatabase, dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const MOBILE = '13812345678';
const EMAIL = 'li.mingzhe@example.org';
const K1 = '00112233445566778899aabbccddeeff';
const K2 = 'ffeeddccbbaa99887766554433221100';
const IDX = '0123456789abcdef0123456789abcdef';
const INT = 'fedcba9876543210fedcba9876543210';

const EXPERT = {
  name: '李明哲',
  organisation: '浙江大学',
  organisationType: 'university',
  title: '教授',
  provinceCode: '330000',
  cityCode: '330100',
  fields: ['智能制造'],
  relations: [],
  available: true,
  loadCap: 5,
  email: EMAIL,
  phone: MOBILE,
};

async function rows<T>(db: Database['db'], query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every row of a table as text, for searching the stored bytes for a value. */
const tableText = async (db: Database['db'], table: string) => (await rows<{ t: string }>(db, sql`select t::text as t from ${sql.raw(table)} t`)).map((r) => r.t).join('\n');

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家库');
  ws.addRow(['姓名', '工作单位', '单位类型', '职称', '所在省份', '所在城市', '专业领域', '关联城市', '是否可用', '评审上限', '电子邮箱', '电话']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(client: Client, content: Buffer) {
  const boundary = '----mic2025dp';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="experts.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', '/api/v1/experts/import', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('the keys in the configuration', () => {
  it('refuses production without demo data while a key is missing; demo and development run on the labelled development keys', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' };
    expect(() => loadConfig(prod)).toThrow(/DATA_KEYS \(or DATA_KEY\), BLIND_INDEX_KEY, INTEGRITY_KEY/);
    expect(() => loadConfig({ ...prod, DATA_KEY: K1, BLIND_INDEX_KEY: IDX })).toThrow(/INTEGRITY_KEY/);
    const keyed = loadConfig({ ...prod, DATA_KEYS: `k2:${K2},k1:${K1}`, BLIND_INDEX_KEY: IDX, INTEGRITY_KEY: INT }).dataProtection;
    expect([keyed.currentKid, [...keyed.dataKeys.keys()], keyed.development]).toEqual(['k2', ['k2', 'k1'], false]);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true', DATABASE_URL: 'postgres://db/x' }).dataProtection.development).toBe(true);
    expect(loadConfig({}).dataProtection.currentKid).toBe('dev');
    expect(() => loadConfig({ DATA_KEYS: 'k1:1234' })).toThrow(/16 bytes/);
  });
});

describe.each(dbKinds())('personal data at rest and key-record seals on %s', (kind: DbKind) => {
  let t: TestApp;
  let ministry: Client;
  let city: Client;
  let expertId: string;
  let applicationId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind, { DATA_KEYS: `k1:${K1}`, BLIND_INDEX_KEY: IDX, INTEGRITY_KEY: INT });
    await seedAccounts(t.database.db);
    ministry = await login(t.app, 'guihuasi', PASSWORD);
    city = await login(t.app, 'hangzhou', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores an expert’s phone and e-mail as SM4 ciphertext, and gives them back to the planning department', async () => {
    const res = await ministry.request('POST', '/api/v1/experts', EXPERT);
    expect(res.statusCode, res.body).toBe(201);
    expertId = res.json().id;
    expect(res.json()).toMatchObject({ phone: MOBILE, email: EMAIL });

    const text = await tableText(t.database.db, 'experts');
    expect(text).not.toContain(MOBILE);
    expect(text).not.toContain('5678');
    expect(text.toLowerCase()).not.toContain('li.mingzhe');
    const [row] = await rows<{ phone: string; email: string; phone_bidx: string }>(t.database.db, sql`select phone, email, phone_bidx from experts where id = ${expertId}`);
    expect(row!.phone).toMatch(/^sm4:v1:k1:/);
    expect(row!.email).toMatch(/^sm4:v1:k1:/);
    expect(row!.phone_bidx).toMatch(/^[0-9a-f]{64}$/);

    expect((await ministry.request('GET', `/api/v1/experts/${expertId}`)).json()).toMatchObject({ phone: MOBILE, email: EMAIL });
    const list = (await ministry.request('GET', '/api/v1/experts?q=李明哲')).json();
    expect(list.items[0]).toMatchObject({ phone: MOBILE, email: EMAIL });
    // An edit seals the new value as well.
    const edited = await ministry.request('PUT', `/api/v1/experts/${expertId}`, { ...EXPERT, phone: '13900001111', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await tableText(t.database.db, 'experts')).not.toContain('13900001111');
    expect(edited.json().phone).toBe('13900001111');
    const back = await ministry.request('PUT', `/api/v1/experts/${expertId}`, { ...EXPERT, version: 2 });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('exports the plaintext in the Excel to those allowed, and still refuses others', async () => {
    const res = await ministry.request('GET', '/api/v1/experts/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => values.push(String(c.value))));
    expect(values).toContain(MOBILE);
    expect(values).toContain(EMAIL);
    expect((await city.request('GET', `/api/v1/experts/${expertId}`)).statusCode).toBe(403);
  });

  it('finds a repeat on import by the blind index of the e-mail or the mobile number', async () => {
    const byEmail = await upload(ministry, await workbook([['李明喆', '浙江大学', '高校', '教授', '浙江省', '杭州市', '智能制造', '', '是', 5, ' LI.Mingzhe@example.org ', '']]));
    expect(byEmail.statusCode, byEmail.body).toBe(422);
    expect(byEmail.json().error.details.rows).toEqual([expect.objectContaining({ row: 2, column: '电子邮箱' })]);
    expect(byEmail.json().error.details.rows[0].message.zh).toContain('李明哲');
    const byPhone = await upload(ministry, await workbook([['李铭哲', '杭州某研究院', '科研院所', '研究员', '浙江省', '杭州市', '智能制造', '', '是', 5, '', '138 1234 5678']]));
    expect(byPhone.statusCode, byPhone.body).toBe(422);
    expect(byPhone.json().error.details.rows).toEqual([expect.objectContaining({ row: 2, column: '电话' })]);
    // An office line several experts share is no repeat.
    const office = await upload(ministry, await workbook([['赵一鸣', '浙江大学', '高校', '教授', '浙江省', '杭州市', '智能制造', '', '是', 5, '', '0571-87950000'], ['钱二鸣', '浙江大学', '高校', '教授', '浙江省', '杭州市', '智能制造', '', '是', 5, '', '0571-87950000']]));
    expect(office.statusCode, office.body).toBe(200);
    expect(await tableText(t.database.db, 'experts')).not.toContain('87950000');
  });

  it('reads legacy plaintext rows until the start-up pass or encrypt-data seals them', async () => {
    const [legacy] = await rows<{ id: string }>(
      t.database.db,
      sql`insert into experts (name, organisation, province_code, email, phone) values ('孙旧档', '旧单位', '330000', 'old@example.org', '13700001234') returning id::text as id`,
    );
    expect((await ministry.request('GET', `/api/v1/experts/${legacy!.id}`)).json()).toMatchObject({ phone: '13700001234', email: 'old@example.org' });
    const reports = await sealAllFields(t.database.db, { mode: 'plaintext' });
    expect(reports.find((r) => r.field === 'experts.phone')).toMatchObject({ sealed: 1, unreadable: 0 });
    expect(await tableText(t.database.db, 'experts')).not.toContain('13700001234');
    expect((await ministry.request('GET', `/api/v1/experts/${legacy!.id}`)).json()).toMatchObject({ phone: '13700001234', email: 'old@example.org' });
    const [row] = await rows<{ phone_bidx: string | null }>(t.database.db, sql`select phone_bidx from experts where id = ${legacy!.id}`);
    expect(row!.phone_bidx).toMatch(/^[0-9a-f]{64}$/);
    // Nothing is left to do the second time.
    expect((await sealAllFields(t.database.db, { mode: 'plaintext' })).every((r) => r.sealed === 0 && r.resealed === 0)).toBe(true);
  });

  it('seals the plan’s contact person in the application and in every plan version', async () => {
    const plan = makeCompletePlan();
    plan.cover.cityCodes = ['330100'];
    plan.contact = { name: '陈联络', title: '科长', organisation: '杭州市经信局', phone: '0571-85252000', mobile: '13605710001', email: 'chen.ll@hz.gov.cn' };
    const res = await city.request('POST', '/api/v1/applications', { title: '杭州市实施方案', applicationYear: plan.cover.applicationYear, plan });
    expect(res.statusCode, res.body).toBe(201);
    applicationId = res.json().id;
    const detail = (await city.request('GET', `/api/v1/applications/${applicationId}`)).json();
    const saved = await city.request('PUT', `/api/v1/applications/${applicationId}/plan`, { version: detail.application.version, plan: { ...plan, contact: { ...plan.contact, mobile: '13605710002' } } });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const table of ['applications', 'plan_versions']) {
      const text = await tableText(t.database.db, table);
      for (const v of ['85252000', '13605710001', '13605710002', 'chen.ll']) expect(text, `${table} ${v}`).not.toContain(v);
      expect(text).toContain('陈联络');
    }
    const again = (await city.request('GET', `/api/v1/applications/${applicationId}`)).json();
    expect(again.plan.contact).toEqual({ ...plan.contact, mobile: '13605710002' });
    const exported = await city.request('GET', `/api/v1/applications/${applicationId}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('13605710002');
    const versions = (await city.request('GET', `/api/v1/applications/${applicationId}/versions`)).json();
    const first = versions.items.at(-1);
    const old = await city.request('GET', `/api/v1/applications/${applicationId}/versions/${first.id}`);
    expect(old.statusCode, old.body).toBe(200);
    expect(JSON.stringify(old.json())).toContain('13605710001');
  });

  it('seals the application’s transitions, and sees a change made in SQL', async () => {
    const clean = await verifyRecordIntegrity(t.database.db);
    expect(clean.ok, JSON.stringify(clean.first)).toBe(true);
    expect(clean.checked).toBeGreaterThan(0);
    const [event] = await rows<{ id: string }>(t.database.db, sql`select id::text as id from application_events where application_id = ${applicationId} limit 1`);
    await t.database.db.execute(sql`update application_events set action = 'approve', to_status = 'approved' where id = ${event!.id}`);
    const bad = await verifyRecordIntegrity(t.database.db);
    expect(bad.ok).toBe(false);
    expect(bad.first).toMatchObject({ kind: 'application_event', key: event!.id, reason: 'altered' });
    await t.database.db.execute(sql`delete from application_events where id = ${event!.id}`);
    expect((await verifyRecordIntegrity(t.database.db)).first).toMatchObject({ key: event!.id, reason: 'deleted' });
    // A seal that someone removes leaves the record unsealed, which the report counts.
    await t.database.db.execute(sql`delete from record_macs where record_key = ${event!.id}`);
    expect((await city.request('POST', '/api/v1/applications', { title: '另一份申报', applicationYear: 2016 })).statusCode).toBe(201);
    const [other] = await rows<{ id: string }>(t.database.db, sql`select id::text as id from application_events limit 1`);
    await t.database.db.execute(sql`delete from record_macs where record_key = ${other!.id}`);
    const after = await verifyRecordIntegrity(t.database.db);
    expect(after.ok).toBe(true);
    expect(after.unsealed.application_event).toBe(1);
  });

  const LIAISON = 'Liaison.HZ@example.org';
  let liaisonId: string;

  it('seals an account’s e-mail, shows it opened to the administrator, finds it by the blind index, and masks it in the audit log', async () => {
    const admin = await login(t.app, 'admin', PASSWORD);
    const orgs = (await admin.request('GET', '/api/v1/admin/organisations')).json().items as { id: string; divisionCode: string; kind: string }[];
    const hangzhou = orgs.find((o) => o.kind === 'city' && o.divisionCode === '330100')!;
    const res = await admin.request('POST', '/api/v1/admin/users', { username: 'hz-contact', password: 'Qh7#vLm2pX9w', displayName: '杭州联络员', organisationId: hangzhou.id, email: LIAISON });
    expect(res.statusCode, res.body).toBe(201);
    liaisonId = res.json().id;

    expect((await tableText(t.database.db, 'users')).toLowerCase()).not.toContain('liaison');
    const [row] = await rows<{ email: string; email_bidx: string }>(t.database.db, sql`select email, email_bidx from users where id = ${liaisonId}`);
    expect(row!.email).toMatch(/^sm4:v1:k1:/);
    expect(row!.email_bidx).toMatch(/^[0-9a-f]{64}$/);

    const list = await admin.request('GET', '/api/v1/admin/users');
    expect(list.json().items.find((u: { id: string }) => u.id === liaisonId)).toMatchObject({ username: 'hz-contact', email: LIAISON });
    expect(list.body).not.toContain('sm4:');
    // Others still may not see the accounts at all.
    expect((await city.request('GET', '/api/v1/admin/users')).statusCode).toBe(403);

    // A lookup by e-mail runs on the blind index: case and surrounding spaces aside, and only the one account.
    expect(await findUsersByEmail(t.database.db, '  liaison.hz@EXAMPLE.org ')).toEqual([{ id: liaisonId, username: 'hz-contact' }]);
    expect(await findUsersByEmail(t.database.db, 'liaison.hz@example.com')).toEqual([]);
    // What the other features get: the address opened.
    expect(await userEmailsOf(t.database.db, [liaisonId])).toEqual(new Map([[liaisonId, LIAISON]]));

    const audit = (await tableText(t.database.db, 'audit_log')).toLowerCase();
    expect(audit).toContain('hz-contact');
    expect(audit).not.toContain('liaison.hz@');
    expect(audit).toContain('***@example.org');
  });

  it('queues a reminder’s address sealed, opens it only to send, and fails for good an address that does not open', async () => {
    const addresses = await userEmailsOf(t.database.db, [liaisonId]);
    const queued = await insertEmails(t.database.db, [
      { toAddress: addresses.get(liaisonId)!, subject: '【提醒】测试', body: '杭州联络员：您好。', dedupeKey: 'dp:1', sendAfter: new Date() },
      { toAddress: 'broken@example.org', subject: '【提醒】测试', body: '测试', dedupeKey: 'dp:2', sendAfter: new Date() },
    ]);
    expect(queued).toBe(2);
    const text = (await tableText(t.database.db, 'email_outbox')).toLowerCase();
    expect(text).not.toContain('liaison');
    expect(text).not.toContain('broken@');
    const outbox = await rows<{ id: string; key: string; to_address: string }>(t.database.db, sql`select id::text as id, dedupe_key as key, to_address from email_outbox where dedupe_key like 'dp:%' order by dedupe_key`);
    expect(outbox.every((r) => r.to_address.startsWith('sm4:v1:k1:'))).toBe(true);

    const sent: OutgoingEmail[] = [];
    const transport = { send: async (m: OutgoingEmail) => void sent.push(m) };
    const [liaison, broken] = outbox;
    expect(await sendOutboxEmail(t.database.db, transport, liaison!.id, { now: new Date(), lastAttempt: false })).toBe('sent');
    expect(sent).toEqual([expect.objectContaining({ to: LIAISON, subject: '【提醒】测试' })]);

    // Its ciphertext moved into another row's place does not open there (the context is authenticated): no retry helps.
    const [liaisonUser] = await rows<{ email: string }>(t.database.db, sql`select email from users where id = ${liaisonId}`);
    await t.database.db.execute(sql`update email_outbox set to_address = ${liaisonUser!.email} where id = ${broken!.id}::uuid`);
    await expect(sendOutboxEmail(t.database.db, transport, broken!.id, { now: new Date(), lastAttempt: false })).rejects.toThrow(/does not authenticate/);
    const [failed] = await rows<{ status: string; last_error: string }>(t.database.db, sql`select status, last_error from email_outbox where id = ${broken!.id}::uuid`);
    expect(failed!.status).toBe('failed');
    expect(failed!.last_error.toLowerCase()).not.toContain('liaison');
    expect(sent).toHaveLength(1);
    await t.database.db.execute(sql`delete from email_outbox where id = ${broken!.id}::uuid`);
  });

  it('reads an account’s and an outbox row’s legacy plaintext address until encrypt-data seals it, with its blind index', async () => {
    const [org] = await rows<{ id: string }>(t.database.db, sql`select organisation_id::text as id from users where id = ${liaisonId}`);
    const [legacy] = await rows<{ id: string }>(
      t.database.db,
      sql`insert into users (username, password_hash, display_name, role, organisation_id, email)
          values ('hz-old', 'x', '旧账号', 'city_applicant', ${org!.id}::uuid, 'Old.Account@example.org') returning id::text as id`,
    );
    await t.database.db.execute(sql`insert into email_outbox (to_address, subject, body, dedupe_key) values ('old.outbox@example.org', '旧邮件', '旧邮件', 'dp:legacy')`);
    const admin = await login(t.app, 'admin', PASSWORD);
    const before = (await admin.request('GET', '/api/v1/admin/users')).json().items.find((u: { id: string }) => u.id === legacy!.id);
    expect(before.email).toBe('Old.Account@example.org');
    expect((await admin.request('GET', '/api/v1/admin/email-outbox')).json().items.map((i: { toAddress: string }) => i.toAddress)).toContain('old.outbox@example.org');

    const reports = await sealAllFields(t.database.db, { mode: 'plaintext' });
    expect(reports.find((r) => r.field === 'users.email')).toMatchObject({ sealed: 1, unreadable: 0 });
    expect(reports.find((r) => r.field === 'email_outbox.to_address')).toMatchObject({ sealed: 1, unreadable: 0 });
    expect((await tableText(t.database.db, 'users')).toLowerCase()).not.toContain('old.account');
    expect((await tableText(t.database.db, 'email_outbox')).toLowerCase()).not.toContain('old.outbox');
    expect(await findUsersByEmail(t.database.db, 'old.account@example.org')).toEqual([{ id: legacy!.id, username: 'hz-old' }]);
    expect(await userEmailsOf(t.database.db, [legacy!.id])).toEqual(new Map([[legacy!.id, 'Old.Account@example.org']]));
    const [mail] = await rows<{ to_address: string }>(t.database.db, sql`select to_address from email_outbox where dedupe_key = 'dp:legacy'`);
    expect(openField(mail!.to_address, 'email_outbox.to_address')).toBe('old.outbox@example.org');
    expect((await admin.request('GET', '/api/v1/admin/email-outbox')).json().items.map((i: { toAddress: string }) => i.toAddress)).toContain('old.outbox@example.org');
    expect((await sealAllFields(t.database.db, { mode: 'plaintext' })).every((r) => r.sealed === 0 && r.resealed === 0)).toBe(true);
  });
});

/** The demo story runs every sealed write path (decisions, scores, grades, rectifications, confirmations). */
describe('the demo data: every key record sealed, and any changed one detected', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp('pglite', { DATA_KEYS: `k1:${K1}`, BLIND_INDEX_KEY: IDX, INTEGRITY_KEY: INT });
    const { seedDemoData } = await import('../../src/server/demo/seed-demo.js');
    await seedDemoData(t.database.db);
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('stores the demo accounts’ e-mails sealed', async () => {
    const census = (await sealedCensus(t.database.db)).find((c) => c.field === 'users.email')!;
    expect(census.plaintext).toBe(0);
    expect(census.byKey.k1).toBeGreaterThanOrEqual(20);
    expect(await tableText(t.database.db, 'users')).not.toContain('@demo.example.org');
    const [wuhan] = await rows<{ id: string }>(t.database.db, sql`select id::text as id from users where username = 'wuhan'`);
    expect(await userEmailsOf(t.database.db, [wuhan!.id])).toEqual(new Map([[wuhan!.id, 'wuhan@demo.example.org']]));
  });

  it('verifies with every kind present and none unsealed', async () => {
    const r = await verifyRecordIntegrity(t.database.db);
    expect(r.ok, JSON.stringify(r.first)).toBe(true);
    expect(r.unsealed).toEqual({});
    const kinds = await rows<{ kind: string }>(t.database.db, sql`select distinct kind from record_macs order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['application_event', 'evaluation', 'evaluation_score', 'pilot_event', 'rectification_case', 'report_value', 'score_sheet']);
  });

  it('names the record whose value was changed behind the application’s back', async () => {
    const tamper: [string, SQL][] = [
      ['score_sheet', sql`update score_sheets set total_x100 = total_x100 + 100 where (panel_id, expert_id, round) = (select panel_id, expert_id, round from score_sheets limit 1) returning panel_id::text || ':' || expert_id::text || ':' || round::text as k`],
      ['evaluation', sql`update evaluations set grade = 'excellent' where id = (select id from evaluations where grade is not null and grade <> 'excellent' limit 1) returning id::text as k`],
      ['report_value', sql`update report_values set actual = actual + 1 where id = (select v.id from report_values v join progress_reports r on r.id = v.report_id where r.status = 'confirmed' and v.actual is not null limit 1) returning id::text as k`],
      ['rectification_case', sql`update rectification_cases set reassessment_grade = 'pass' where id = (select id from rectification_cases limit 1) returning id::text as k`],
      ['pilot_event', sql`update pilot_events set to_state = 'completed' where id = (select id from pilot_events where to_state is distinct from 'completed' limit 1) returning id::text as k`],
    ];
    for (const [kind, statement] of tamper) {
      const [changed] = await rows<{ k: string }>(t.database.db, statement);
      expect(changed, kind).toBeDefined();
      const r = await verifyRecordIntegrity(t.database.db);
      expect(r.ok, kind).toBe(false);
      expect(r.problems, kind).toBe(1);
      expect(r.first, kind).toMatchObject({ kind, key: changed!.k, reason: 'altered' });
      // Put it right (sealing again, as a legitimate change would) before the next kind.
      await t.database.db.execute(sql`delete from record_macs where kind = ${kind} and record_key = ${changed!.k}`);
    }
  });
});

/** The command line on a database of its own: encrypt-data, rotate-data-key, integrity-verify, the administrators' passwords. */
describe.each(dbKinds())('data keys and seals on the command line, on %s', (kind: DbKind) => {
  let env: Record<string, string>;
  let dir: string;
  let drop: (() => Promise<void>) | null = null;
  const keys = (dataKeys: string) => ({ DATA_KEYS: dataKeys, BLIND_INDEX_KEY: IDX, INTEGRITY_KEY: INT });
  const open = (): Promise<Database> => openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 2 } : { dataDir: env.PGLITE_DIR! });
  const cli = async (extra: Record<string, string>, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, { ...env, ...extra });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const expertIds: string[] = [];
  let accountId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mic-dp-cli-'));
    if (kind === 'postgres') {
      const created = await createPgDatabase();
      drop = created.drop;
      env = { DATABASE_URL: created.url, DATA_DIR: dir };
    } else env = { PGLITE_DIR: join(dir, 'pglite'), DATA_DIR: dir };
    // Records written through the app under key k1: experts, an application with its contact, its events.
    const database = await open();
    await migrateDatabase(database);
    await seedAccounts(database.db);
    const app = await buildApp({ database, config: { ...loadConfig({ ...env, ...keys(`k1:${K1}`) }), uploadDir: dir } });
    await app.ready();
    const ministry = await login(app, 'guihuasi', PASSWORD);
    for (let i = 0; i < 4; i++) {
      const res = await ministry.request('POST', '/api/v1/experts', { ...EXPERT, name: `专家${i}`, email: `e${i}@example.org`, phone: `1380000000${i}` });
      expect(res.statusCode, res.body).toBe(201);
      expertIds.push(res.json().id);
    }
    const city = await login(app, 'hangzhou', PASSWORD);
    const plan = makeCompletePlan();
    plan.cover.cityCodes = ['330100'];
    plan.contact = { ...plan.contact, mobile: '13605710009', email: 'contact@hz.gov.cn' };
    expect((await city.request('POST', '/api/v1/applications', { title: '杭州', applicationYear: plan.cover.applicationYear, plan })).statusCode).toBe(201);
    // An account with an e-mail, and a reminder queued to it.
    const [org] = await rows<{ id: string }>(database.db, sql`select organisation_id::text as id from users where username = 'hangzhou'`);
    accountId = await createUser(database.db, { username: 'hz-cli', password: 'Qh7#vLm2pX9w', displayName: '杭州', role: 'city_applicant', organisationId: org!.id, email: 'cli.user@example.org' });
    expect(await insertEmails(database.db, [{ toAddress: 'cli.user@example.org', subject: '提醒', body: '提醒', dedupeKey: 'cli:1', sendAfter: new Date() }])).toBe(1);
    await app.close();
    // And rows from before encryption.
    await database.db.execute(sql`insert into experts (name, organisation, province_code, phone) values ('旧档', '旧单位', '330000', '13700009999')`);
    await database.db.execute(sql`update users set email = 'cli.old@example.org' where username = 'wuhan'`);
    await database.db.execute(sql`insert into email_outbox (to_address, subject, body, dedupe_key) values ('cli.old@example.org', '旧邮件', '旧邮件', 'cli:old')`);
    await database.close();
  }, 120_000);
  afterAll(async () => {
    configureDataProtection(parseDataProtection({}, false));
    if (drop) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('encrypt-data seals the plaintext left over, and says so', async () => {
    const r = await cli(keys(`k1:${K1}`), 'encrypt-data');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/experts\.phone \(experts\): 加密 sealed 1,/);
    expect(r.out).toMatch(/users\.email \(users\): 加密 sealed 1,/);
    expect(r.out).toMatch(/email_outbox\.to_address \(email_outbox\): 加密 sealed 1,/);
    expect(r.out).toContain('Every personal-data value is sealed');
    const database = await open();
    try {
      expect((await tableText(database.db, 'users')).toLowerCase()).not.toContain('cli.');
      expect((await tableText(database.db, 'email_outbox')).toLowerCase()).not.toContain('cli.');
      const [wuhan] = await rows<{ email_bidx: string | null }>(database.db, sql`select email_bidx from users where username = 'wuhan'`);
      expect(wuhan!.email_bidx).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await database.close();
    }
  });

  it('rotate-data-key re-seals everything under the new key in batches, resumes after an interruption, and the old key can then go', async () => {
    // A first run that stops after one batch (the process killed, say).
    const database = await open();
    const both = parseDataProtection(keys(`k2:${K2},k1:${K1}`), true);
    let batches = 0;
    await expect(
      sealAllFields(database.db, {
        mode: 'rotate',
        batchSize: 2,
        protection: both,
        onBatch: () => {
          if (++batches === 1) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const half = await sealedCensus(database.db);
    // The first field (experts.email, 4 values) half done, the others not started.
    expect(half.find((c) => c.field === 'experts.email')!.byKey).toEqual({ k1: 2, k2: 2 });
    expect(half.find((c) => c.field === 'experts.phone')!.byKey).toEqual({ k1: 5 });
    await database.close();

    const r = await cli(keys(`k2:${K2},k1:${K1}`), 'rotate-data-key', '--batch', '2');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/experts\.email \(experts\): 加密 sealed 0, 换钥 re-sealed 2,/);
    expect(r.out).toMatch(/experts\.phone \(experts\): 加密 sealed 0, 换钥 re-sealed 5,/);
    expect(r.out).toMatch(/plan\.contact\.mobile \(applications\): 加密 sealed 0, 换钥 re-sealed 1,/);
    expect(r.out).toMatch(/users\.email \(users\): 加密 sealed 0, 换钥 re-sealed 2,/);
    expect(r.out).toMatch(/email_outbox\.to_address \(email_outbox\): 加密 sealed 0, 换钥 re-sealed 2,/);
    expect(r.out).toContain('Every value is under k2');

    const after = await open();
    try {
      for (const c of await sealedCensus(after.db)) {
        expect(c.plaintext, c.field).toBe(0);
        expect(Object.keys(c.byKey).filter((k) => k !== 'k2'), c.field).toEqual([]);
      }
      // Only the new key configured: every record still opens.
      configureDataProtection(parseDataProtection(keys(`k2:${K2}`), true));
      for (const [i, id] of expertIds.entries()) expect((await getExpert(after.db, id))!.phone).toBe(`1380000000${i}`);
      const [app] = await rows<{ plan: { contact: { mobile: string } } }>(after.db, sql`select plan from applications limit 1`);
      expect(sealedKid(app!.plan.contact.mobile)).toBe('k2');
      expect(dataProtection().dataKeys.has('k1')).toBe(false);
      // The accounts' e-mails and the outbox's addresses open under k2 alone; the blind index still finds them.
      expect(await userEmailsOf(after.db, [accountId])).toEqual(new Map([[accountId, 'cli.user@example.org']]));
      expect((await findUsersByEmail(after.db, 'CLI.old@example.org')).map((u) => u.username)).toEqual(['wuhan']);
      const outbox = await rows<{ key: string; to_address: string }>(after.db, sql`select dedupe_key as key, to_address from email_outbox order by dedupe_key`);
      expect(outbox.map((o) => [o.key, sealedKid(o.to_address), openField(o.to_address, 'email_outbox.to_address')])).toEqual([
        ['cli:1', 'k2', 'cli.user@example.org'],
        ['cli:old', 'k2', 'cli.old@example.org'],
      ]);
      const sent: OutgoingEmail[] = [];
      const [first] = await rows<{ id: string }>(after.db, sql`select id::text as id from email_outbox where dedupe_key = 'cli:1'`);
      expect(await sendOutboxEmail(after.db, { send: async (m) => void sent.push(m) }, first!.id, { now: new Date(), lastAttempt: false })).toBe('sent');
      expect(sent.map((m) => m.to)).toEqual(['cli.user@example.org']);
    } finally {
      await after.close();
    }
    const check = await cli(keys(`k2:${K2}`), 'rotate-data-key');
    expect(check.code, check.err).toBe(0);
    expect(check.out).not.toMatch(/re-sealed [1-9]/);
  });

  it('refuses to report success when a value does not open (its key removed too early)', async () => {
    const database = await open();
    await database.db.execute(sql`update experts set phone = ${`sm4:v1:k0:${'A'.repeat(22)}:AAAA:${'A'.repeat(43)}`} where name = '专家0'`);
    await database.close();
    const r = await cli(keys(`k2:${K2}`), 'rotate-data-key');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 values do not open/);
  });

  it('integrity-verify exits 0 when intact and 1 naming the first changed record', async () => {
    const ok = await cli(keys(`k2:${K2}`), 'integrity-verify');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Key records intact: [1-9]\d* seals checked/);
    const database = await open();
    const [e] = await rows<{ id: string }>(database.db, sql`update application_events set comment = '已批准' where id = (select id from application_events limit 1) returning id::text as id`);
    await database.close();
    const bad = await cli(keys(`k2:${K2}`), 'integrity-verify');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`application_event ${e!.id}`);
    expect(bad.err).toContain('altered');
    // Another INTEGRITY_KEY: every seal fails.
    const wrongKey = await cli({ ...keys(`k2:${K2}`), INTEGRITY_KEY: IDX }, 'integrity-verify');
    expect(wrongKey.code).toBe(1);
  });

  it('create-admin and admin-password apply the identity password policy, the breached list and the history', async () => {
    const base = { ...keys(`k2:${K2}`) };
    const breached = await cli({ ...base, ADMIN_PASSWORD: 'Password2024!' }, 'create-admin', '--role', 'audit_admin', '--username', 'shenji2', '--name', '审计员');
    expect(breached.code).toBe(2);
    expect(breached.err).toContain('PASSWORD_BREACHED');
    const twoClasses = await cli({ ...base, ADMIN_PASSWORD: 'lowercase12345' }, 'create-admin', '--role', 'audit_admin', '--username', 'shenji2', '--name', '审计员');
    expect(twoClasses.code).toBe(2);
    expect(twoClasses.err).toContain('PASSWORD_TOO_FEW_CLASSES');
    const longer = await cli({ ...base, ADMIN_PASSWORD: 'Zq7#mLp2vX', PASSWORD_MIN_LENGTH: '12' }, 'create-admin', '--role', 'audit_admin', '--username', 'shenji2', '--name', '审计员');
    expect(longer.code).toBe(2);
    expect(longer.err).toContain('PASSWORD_TOO_SHORT');
    const created = await cli({ ...base, ADMIN_PASSWORD: 'Zq7#mLp2vX' }, 'create-admin', '--role', 'audit_admin', '--username', 'shenji2', '--name', '审计员');
    expect(created.code, created.err).toBe(0);
    const reused = await cli({ ...base, ADMIN_PASSWORD: 'Zq7#mLp2vX' }, 'admin-password', '--username', 'shenji2');
    expect(reused.code).toBe(2);
    expect(reused.err).toContain('PASSWORD_REUSED');
    const breachedReset = await cli({ ...base, ADMIN_PASSWORD: 'Qwerty123!' }, 'admin-password', '--username', 'shenji2');
    expect(breachedReset.code).toBe(2);
    expect(breachedReset.err).toContain('PASSWORD_BREACHED');
    const reset = await cli({ ...base, ADMIN_PASSWORD: 'Vt9$kWn4rQ' }, 'admin-password', '--username', 'shenji2');
    expect(reset.code, reset.err).toBe(0);
  });
});
