/**
 * The one-click dossier 完整档案 through the HTTP layer, on both databases: an approved application
 * with its pilot, attachments, a confirmed progress report with evidence, an evaluation and a
 * rectification case with evidence; the zip holds the plan (Word, PDF), the review record, the 批复,
 * the report, the evaluations and rectifications, every stored file byte for byte, the history and
 * audit log, 目录.txt and a manifest that verifies — and fails to once a byte is changed or a file
 * removed, naming the file (also through `dossier-verify`). Who may: the ministry's planning
 * department for any, the province and the city for their own; 401/403/404/422; the download audited.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Db } from '../../src/db/client.js';
import { applications, auditLog, evaluationRounds, evaluations, pilotFiles, progressReports, rectificationCases, reportValues, users } from '../../src/db/schema.js';
import { getApplication, insertEvent } from '../../src/features/applications/public.js';
import { extractPdfText } from '../../src/kernel/documents/pdf-text.js';
import { verifyDossierZip } from '../../src/features/dossier/public.js';
import { applicationDossier } from '../../src/features/dossier/dossier.service.js';
import { createPilotForApproval } from '../../src/features/pilots/public.js';
import { storeBlob } from '../../src/kernel/blob-store.js';
import { sha256Hex, type DossierManifest } from '../../src/shared/dossier/manifest.js';
import { PROVINCIAL_CHECKLIST } from '../../src/shared/lifecycle/provincial-checklist.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const PDF_A = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n% 附件一 统计数据\n');
const PDF_B = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n% 附件二 园区名录\n');
const EVIDENCE = Buffer.from('%PDF-1.4\n% 2017年统计公报\n%%EOF\n');
const ANSWER = Buffer.from('%PDF-1.4\n% 整改报告佐证\n%%EOF\n');

function multipart(filename: string, content: Buffer) {
  const boundary = '----mic2025dossier';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function entriesOf(zip: Buffer): Promise<Map<string, Buffer>> {
  const z = await JSZip.loadAsync(zip);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(z.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/** A PDF's text as a reader copies it, lines run together. */
const pdfText = (pdf: Buffer) => extractPdfText(pdf).pages.join('').replace(/\n/g, '');

async function rezip(entries: Map<string, Buffer>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, bytes] of entries) z.file(name, bytes);
  return z.generateAsync({ type: 'nodebuffer' });
}

describe.each(dbKinds())('the dossier on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  const c: Record<string, Client> = {};
  let appId: string;
  let pilotId: string;
  let draftId: string;
  let ministryId: string;
  let cityUserId: string;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'huzhou', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'expert', 'lingdao', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    ministryId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi')))[0]!.id;
    cityUserId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'hangzhou')))[0]!.id;

    // The application: created with two attachments, submitted, forwarded, received.
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    const created = await c.hangzhou!.request('POST', '/api/v1/applications', { title: '杭州市“中国制造2025”试点示范城市实施方案', applicationYear: 2016, plan });
    expect(created.statusCode, created.body).toBe(201);
    appId = created.json().id;
    for (const [name, bytes] of [['附件一 统计数据.pdf', PDF_A], ['附件二 园区名录.pdf', PDF_B]] as const) {
      const m = multipart(name, bytes);
      const up = await c.hangzhou!.request('POST', `/api/v1/applications/${appId}/attachments`, m.body, m.headers);
      expect(up.statusCode, up.body).toBe(201);
    }
    const submitted = await c.hangzhou!.request('POST', `/api/v1/applications/${appId}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const checklist = Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true]));
    const forwarded = await c.zhejiang!.request('POST', `/api/v1/applications/${appId}/forward`, { version: submitted.json().version, checklist, opinion: '同意转报，材料齐全。', opinionDate: '2016-08-01' });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const received = await c.guihuasi!.request('POST', `/api/v1/applications/${appId}/receive`, { version: forwarded.json().version, printedCopies: 'received', discs: 'received', formalCheckPassed: true });
    expect(received.statusCode, received.body).toBe(200);

    // Approved, with its pilot (as the decision does it), a report, an evaluation and a rectification.
    pilotId = await createPilotForApproval(db, { application: (await getApplication(db, appId))!, documentNo: '工信部规函〔2016〕901号', approvalDate: '2016-09-01', approvedBy: ministryId });
    await db.update(applications).set({ status: 'approved' }).where(eq(applications.id, appId));
    await insertEvent(db, { applicationId: appId, actorId: ministryId, action: 'approve', fromStatus: 'under_review', toStatus: 'approved', comment: '同意', data: { pilotId, documentNo: '工信部规函〔2016〕901号', approvalDate: '2016-09-01' } });

    const evidenceSha = await storeBlob(t.uploadDir, EVIDENCE);
    const [evidence] = await db
      .insert(pilotFiles)
      .values({ pilotId, purpose: 'report_evidence', sha256: evidenceSha, filename: '2017年统计公报.pdf', mimeType: 'application/pdf', size: EVIDENCE.length, uploadedBy: cityUserId })
      .returning({ id: pilotFiles.id });
    const [report] = await db
      .insert(progressReports)
      .values({ pilotId, period: '2017', year: 2017, periodStart: '2017-01-01', periodEnd: '2017-12-31', dueDate: '2018-01-31', status: 'confirmed', narrative: '全年推进智能制造工程，新建数字化车间十二个。', confirmedAt: new Date() })
      .returning({ id: progressReports.id });
    await db.insert(reportValues).values({ reportId: report!.id, targetId: 't-innovation-rd', actual: 1.22, dataSource: '市统计局', evidenceFileIds: [evidence!.id] });
    const [round] = await db.insert(evaluationRounds).values({ kind: 'midterm', title: '2018年中期评估', scheme: {}, deadline: '2018-05-31', openedBy: ministryId }).returning({ id: evaluationRounds.id });
    const [evaluation] = await db
      .insert(evaluations)
      .values({ roundId: round!.id, pilotId, status: 'decided', grade: 'fail', totalScore: 52.5, result: { items: [{ id: 'innovation', label: { zh: '创新能力目标完成情况' }, score: 20 }] }, decidedAt: new Date(), decidedBy: ministryId })
      .returning({ id: evaluations.id });
    const answerSha = await storeBlob(t.uploadDir, ANSWER);
    const [answer] = await db
      .insert(pilotFiles)
      .values({ pilotId, purpose: 'rectification_evidence', sha256: answerSha, filename: '整改佐证.pdf', mimeType: 'application/pdf', size: ANSWER.length, uploadedBy: cityUserId })
      .returning({ id: pilotFiles.id });
    await db.insert(rectificationCases).values({
      pilotId,
      evaluationId: evaluation!.id,
      origin: 'evaluation',
      findings: [{ kind: 'evaluation_item', ref: 'innovation', text: '研发投入强度低于进度要求。' }],
      requiredActions: '三个月内提高研发投入并报送整改报告。',
      deadline: '2018-09-30',
      status: 'answered',
      resumePhase: 'midterm',
      response: '已出台研发费用加计扣除配套政策。',
      responseFileIds: [answer!.id],
      respondedAt: new Date(),
      openedBy: ministryId,
    });

    // A draft of another application by the same city: not forwarded, so not the ministry's.
    draftId = (await c.hangzhou!.request('POST', '/api/v1/applications', { title: '草稿', applicationYear: 2017, plan })).json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (u: string, url: string) => c[u]!.request('GET', url);

  it('refuses the signed-out (401), roles without the permission (403), others outside their scope (404) and a malformed id (422)', async () => {
    for (const url of [`/api/v1/applications/${appId}/dossier.zip`, `/api/v1/pilots/${pilotId}/dossier.zip`]) {
      const anon = await t.app.inject({ method: 'GET', url });
      expect(anon.statusCode, url).toBe(401);
      expect(anon.json().error.code).toBe('AUTH_REQUIRED');
      for (const u of ['zhuangbeisi', 'expert', 'lingdao', 'admin']) {
        const res = await get(u, url);
        expect(res.statusCode, `${u} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      for (const u of ['huzhou', 'hubei']) {
        const res = await get(u, url);
        expect(res.statusCode, `${u} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
    }
    for (const url of [`/api/v1/applications/${NO_SUCH}/dossier.zip`, `/api/v1/pilots/${NO_SUCH}/dossier.zip`]) expect((await get('guihuasi', url)).statusCode, url).toBe(404);
    // The ministry does not see a city's draft; the province neither.
    expect((await get('guihuasi', `/api/v1/applications/${draftId}/dossier.zip`)).statusCode).toBe(404);
    expect((await get('zhejiang', `/api/v1/applications/${draftId}/dossier.zip`)).statusCode).toBe(404);
    expect((await get('guihuasi', '/api/v1/applications/not-a-uuid/dossier.zip')).statusCode).toBe(422);
  });

  let ministryZip: Buffer;

  it('gives the ministry the whole file of the application, with a manifest that verifies', async () => {
    const res = await get('guihuasi', `/api/v1/applications/${appId}/dossier.zip`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="dossier-application-\d{4}-\d{2}-\d{2}\.zip"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1]!)).toMatch(/-完整档案-\d{4}-\d{2}-\d{2}\.zip$/);
    ministryZip = res.rawPayload;
    const entries = await entriesOf(ministryZip);
    const names = [...entries.keys()];
    for (const expected of [
      '目录.txt',
      'manifest.json',
      '01-实施方案/实施方案.docx',
      '01-实施方案/实施方案.pdf',
      '01-实施方案/实施方案.json',
      '02-审查记录/审查记录.docx',
      '02-审查记录/审查记录.pdf',
      '03-申报附件/附件一 统计数据.pdf',
      '03-申报附件/附件二 园区名录.pdf',
      '04-批复/批复.docx',
      '04-批复/批复.pdf',
      '05-进度报告/2017-进度报告.pdf',
      '05-进度报告/佐证材料/2017年统计公报.pdf',
      '06-考核评估与整改/考核评估与整改.docx',
      '06-考核评估与整改/考核评估与整改.pdf',
      '06-考核评估与整改/整改佐证材料/整改佐证.pdf',
      '08-审计记录/流转记录.csv',
      '08-审计记录/审计日志.csv',
    ]) {
      expect(names, expected).toContain(expected);
    }
    // Stored files byte for byte.
    expect(entries.get('03-申报附件/附件一 统计数据.pdf')!.equals(PDF_A)).toBe(true);
    expect(entries.get('03-申报附件/附件二 园区名录.pdf')!.equals(PDF_B)).toBe(true);
    expect(entries.get('05-进度报告/佐证材料/2017年统计公报.pdf')!.equals(EVIDENCE)).toBe(true);
    expect(entries.get('06-考核评估与整改/整改佐证材料/整改佐证.pdf')!.equals(ANSWER)).toBe(true);

    // The manifest: every file but itself, size and digest, the object, who and when.
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as DossierManifest;
    expect(manifest.object).toMatchObject({ type: 'application', id: appId, name: '杭州市“中国制造2025”试点示范城市实施方案' });
    expect(manifest.generatedBy).toMatchObject({ username: 'guihuasi', role: 'ministry_planning' });
    expect(manifest.omitted).toEqual([]);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    for (const f of manifest.files) {
      expect(f.size, f.path).toBe(entries.get(f.path)!.length);
      expect(f.sha256, f.path).toBe(sha256Hex(entries.get(f.path)!));
    }
    const catalogue = entries.get('目录.txt')!.toString('utf8');
    expect(catalogue).toContain(`${sha256Hex(PDF_A)}\t03-申报附件/附件一 统计数据.pdf`);
    expect(catalogue).toContain('生成人：');
    expect(await verifyDossierZip(ministryZip)).toMatchObject({ ok: true, missing: [], extra: [], changed: [] });

    // The documents read as what they are.
    const planPdf = extractPdfText(entries.get('01-实施方案/实施方案.pdf')!).pages.join('\n');
    expect(planPdf).toContain('申报书');
    expect(planPdf).toContain('— 1 —');
    const planXml = await (await JSZip.loadAsync(entries.get('01-实施方案/实施方案.docx')!)).file('word/document.xml')!.async('string');
    expect(planXml).toContain('<w:tbl>');
    const record = pdfText(entries.get('02-审查记录/审查记录.pdf')!);
    expect(record).toContain('同意转报，材料齐全。');
    expect(record).toContain('尚未组建评审组');
    expect(record).toContain('工信部规函〔2016〕901号');
    expect(pdfText(entries.get('04-批复/批复.pdf')!)).toContain('工信部规函〔2016〕901号');
    const report = pdfText(entries.get('05-进度报告/2017-进度报告.pdf')!);
    expect(report).toContain('新建数字化车间十二个');
    expect(report).toContain('2017年统计公报.pdf');
    const rect = pdfText(entries.get('06-考核评估与整改/考核评估与整改.pdf')!);
    expect(rect).toContain('研发投入强度低于进度要求');
    expect(rect).toContain('不合格');
    const history = entries.get('08-审计记录/流转记录.csv')!.toString('utf8');
    expect(history).toContain('forward');
    expect(history).toContain('approve');
    const audit = entries.get('08-审计记录/审计日志.csv')!.toString('utf8');
    expect(audit).toContain('/api/v1/applications/:id/attachments');
    expect(audit).toContain('/api/v1/applications/:id/forward');
  });

  it('fails to verify once one byte of one file is changed, naming the file; and when a file is removed', async () => {
    const entries = await entriesOf(ministryZip);
    const name = '03-申报附件/附件二 园区名录.pdf';
    const changed = Buffer.from(entries.get(name)!);
    changed[10] = changed[10]! ^ 0x01;
    entries.set(name, changed);
    const tampered = await rezip(entries);
    const v = await verifyDossierZip(tampered);
    expect(v.ok).toBe(false);
    expect(v.changed.map((x) => x.path)).toEqual([name]);
    expect(v.missing).toEqual([]);

    const removedEntries = await entriesOf(ministryZip);
    removedEntries.delete('04-批复/批复.pdf');
    const removed = await verifyDossierZip(await rezip(removedEntries));
    expect(removed).toMatchObject({ ok: false, missing: ['04-批复/批复.pdf'], changed: [] });

    // The same through the command line.
    const dir = mkdtempSync(join(tmpdir(), 'mic-dossier-'));
    try {
      const lines: string[] = [];
      const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) };
      writeFileSync(join(dir, 'ok.zip'), ministryZip);
      writeFileSync(join(dir, 'bad.zip'), tampered);
      writeFileSync(join(dir, 'not.zip'), 'not a zip');
      expect(await runCli(['dossier-verify', join(dir, 'ok.zip')], io)).toBe(0);
      expect(lines.join('\n')).toContain('校验通过');
      lines.length = 0;
      expect(await runCli(['dossier-verify', join(dir, 'bad.zip')], io)).toBe(1);
      expect(lines.join('\n')).toContain(`CHANGED  ${name}`);
      expect(await runCli(['dossier-verify', join(dir, 'not.zip')], io)).toBe(2);
      expect(await runCli(['dossier-verify', join(dir, 'missing.zip')], io)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the city and the province their own, without the panel’s record, and the pilot’s dossier too', async () => {
    for (const u of ['hangzhou', 'zhejiang']) {
      for (const url of [`/api/v1/applications/${appId}/dossier.zip`, `/api/v1/pilots/${pilotId}/dossier.zip`]) {
        const res = await get(u, url);
        expect(res.statusCode, `${u} ${url}`).toBe(200);
        const v = await verifyDossierZip(res.rawPayload);
        expect(v.ok, `${u} ${url}`).toBe(true);
        expect(v.manifest!.omitted.map((o) => o.section).join()).toContain('专家评分');
        expect(v.manifest!.object.type).toBe(url.includes('/pilots/') ? 'pilot' : 'application');
        const entries = await entriesOf(res.rawPayload);
        expect(pdfText(entries.get('02-审查记录/审查记录.pdf')!)).toContain('仅向工业和信息化部规划司提供');
      }
    }
    const pilot = await get('guihuasi', `/api/v1/pilots/${pilotId}/dossier.zip`);
    expect(pilot.statusCode).toBe(200);
    const m = (await verifyDossierZip(pilot.rawPayload)).manifest!;
    expect(m.object).toMatchObject({ type: 'pilot', id: pilotId, refNo: '工信部规函〔2016〕901号' });
  });

  it('records each download in the audit log, with the zip’s digest', async () => {
    const res = await get('guihuasi', `/api/v1/applications/${appId}/dossier.zip`);
    expect(res.statusCode).toBe(200);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.route, '/api/v1/applications/:id/dossier.zip'), eq(auditLog.username, 'guihuasi'), eq(auditLog.status, 200)));
    const details = rows.map((r) => r.details as { dossier?: { sha256: string; files: number } });
    expect(rows.every((r) => r.action === 'export' && r.objectId === appId)).toBe(true);
    expect(details.map((d) => d.dossier?.sha256)).toContain(sha256Hex(res.rawPayload));
    const refused = await db.select().from(auditLog).where(and(eq(auditLog.route, '/api/v1/pilots/:id/dossier.zip'), eq(auditLog.username, 'huzhou')));
    expect(refused.map((r) => r.outcome)).toContain('failure');
  });

  it('refuses a dossier larger than the limit with 413', async () => {
    const [u] = await db.select().from(users).where(eq(users.username, 'guihuasi'));
    const actor = { id: u!.id, role: 'ministry_planning' as const, organisationId: u!.organisationId, divisionCode: '110000', authorityId: null, username: 'guihuasi', displayName: u!.displayName, organisationName: '工信部规划司', organisationKind: 'ministry_planning' };
    await expect(applicationDossier(db, actor, appId, new Date(), { uploadDir: t.uploadDir, maxBytes: 100 })).rejects.toMatchObject({ code: 'DOSSIER_TOO_LARGE' });
  });
});
