/**
 * The pilot routes through the HTTP layer: refusals first (401, 403, 404 outside the scope), then
 * the list, the detail with its frozen targets, the approval reply downloads, and the abilities each
 * role is given on a pilot.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.js';
import { getApplication } from '../../src/features/applications/public.js';
import { createPilotForApproval } from '../../src/features/pilots/public.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describe.each(dbKinds())('pilots on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  let pilotId: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    for (const u of ['hangzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) {
      c[u] = await login(t.app, u, PASSWORD);
    }
    // An application from 杭州, received, and its pilot created as the ministry's approval does
    // (the review before the decision is the ministry-review tests' business).
    const app = await receivedApplication(
      { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! },
      { code: '330100', applicant: '杭州市人民政府', title: '杭州市实施方案' },
    );
    applicationId = app.id;
    const db = t.database.db;
    const [approver] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
    pilotId = await createPilotForApproval(db, {
      application: (await getApplication(db, app.id))!,
      documentNo: '工信部规函〔2016〕777号',
      approvalDate: '2016-09-01',
      approvedBy: approver!.id,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const paths = () => [`/api/v1/pilots`, `/api/v1/pilots/${pilotId}`, `/api/v1/pilots/${pilotId}/approval.docx`, `/api/v1/pilots/${pilotId}/approval.pdf`];

  it('refuses the signed-out with 401', async () => {
    for (const url of paths()) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
  });

  it('refuses roles without pilot.read with 403', async () => {
    for (const u of ['expert', 'admin']) {
      for (const url of paths()) expect((await c[u]!.request('GET', url)).statusCode, `${u} ${url}`).toBe(403);
    }
  });

  it('answers 404 for a pilot outside the scope or one that does not exist, and 422 for a malformed id', async () => {
    for (const u of ['wuhan', 'hubei']) {
      for (const url of paths().slice(1)) expect((await c[u]!.request('GET', url)).statusCode, `${u} ${url}`).toBe(404);
      expect((await c[u]!.request('GET', '/api/v1/pilots')).json().items).toEqual([]);
    }
    for (const suffix of ['', '/approval.docx', '/approval.pdf']) {
      expect((await c.guihuasi!.request('GET', `/api/v1/pilots/${NO_SUCH}${suffix}`)).statusCode).toBe(404);
    }
    expect((await c.guihuasi!.request('GET', '/api/v1/pilots/not-a-uuid')).statusCode).toBe(422);
  });

  // What each role may do with a pilot in its first phase (pilot-scope.ts).
  const ABILITIES: Record<string, string[]> = {
    hangzhou: ['downloadApproval', 'proposeAmendment'],
    zhejiang: ['downloadApproval', 'giveAmendmentOpinion'],
    guihuasi: ['downloadApproval', 'setReporting', 'decideAmendment'],
    zhuangbeisi: ['downloadApproval'],
    lingdao: ['downloadApproval'],
  };

  it('lists the pilot, with its abilities, for every role that may see it', async () => {
    for (const u of ['hangzhou', 'zhejiang', 'guihuasi', 'zhuangbeisi', 'lingdao']) {
      const res = await c[u]!.request('GET', '/api/v1/pilots');
      expect(res.statusCode, u).toBe(200);
      const item = res.json().items.find((p: { id: string }) => p.id === pilotId);
      expect(item, u).toMatchObject({
        applicationId,
        name: '杭州市人民政府',
        cityCodes: ['330100'],
        cityNames: ['杭州市'],
        documentNo: '工信部规函〔2016〕777号',
        approvalDate: '2016-09-01',
        periodStartYear: 2017,
        periodEndYear: 2019,
        targetCount: makeCompletePlan().targets.length,
        isDemo: false,
        state: 'implementation',
        abilities: ABILITIES[u],
      });
      expect(new Date(item.filedAt).toISOString()).toBe(item.filedAt);
      expect(item).not.toHaveProperty('targets');
    }
  });

  it('gives the detail with the frozen targets, and the same abilities as the list', async () => {
    for (const u of ['hangzhou', 'lingdao']) {
      const res = await c[u]!.request('GET', `/api/v1/pilots/${pilotId}`);
      expect(res.statusCode, u).toBe(200);
      const pilot = res.json();
      expect(pilot).toMatchObject({ id: pilotId, documentNo: '工信部规函〔2016〕777号', abilities: ABILITIES[u] });
      expect(pilot.targets).toEqual(makeCompletePlan().targets);
    }
  });

  it('serves the approval reply as Word and PDF with their media types', async () => {
    const docx = await c.zhejiang!.request('GET', `/api/v1/pilots/${pilotId}/approval.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toContain('filename="approval-2016-09-01.docx"');
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await c.zhuangbeisi!.request('GET', `/api/v1/pilots/${pilotId}/approval.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('杭州市人民政府试点批复.pdf')}`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('describes the routes in OpenAPI: JSON with a schema, downloads as binary', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ok = (path: string) => doc.paths[path].get.responses['200'].content;
    expect(ok('/api/v1/pilots')['application/json'].schema.properties.items).toBeDefined();
    expect(ok('/api/v1/pilots/{id}')['application/json'].schema.properties.targets).toBeDefined();
    expect(ok('/api/v1/pilots/{id}/approval.docx')['application/vnd.openxmlformats-officedocument.wordprocessingml.document'].schema.format).toBe('binary');
    expect(ok('/api/v1/pilots/{id}/approval.pdf')['application/pdf'].schema.format).toBe('binary');
  });
});
