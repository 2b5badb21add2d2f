/**
 * Optimistic locking under parallel edits (issue 8, point 8), on PGlite and on PostgreSQL: for each
 * editable object, eight edits made on the same version are sent at once. Exactly one wins, the
 * other seven are refused with 409 VERSION_CONFLICT, and what is stored is the winner's edit — no
 * update is lost silently. Then two approvals of one application race: exactly one decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../../src/shared/review/rubric.js';
import { DEFAULT_EVALUATION_SCHEME } from '../../src/shared/monitoring/evaluation.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const PARALLEL = 8;

/** Sends `n` requests at once; returns their status codes and bodies in order. */
async function race(n: number, send: (i: number) => Promise<{ statusCode: number; json: () => unknown }>) {
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  return answers.map((a) => ({ status: a.statusCode, body: a.json() as Record<string, unknown> }));
}

function oneWinner(answers: { status: number; body: Record<string, unknown> }[]): number {
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409), JSON.stringify(statuses)).toHaveLength(answers.length - 1);
  for (const a of answers) if (a.status === 409) expect((a.body.error as { code: string }).code).toBe('VERSION_CONFLICT');
  return statuses.indexOf(200);
}

describe.each(dbKinds())('parallel edits on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    for (const u of ['hangzhou', 'zhejiang', 'guihuasi']) c[u] = await login(t.app, u, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the review rules: one of eight saves of the same version wins', async () => {
    const answers = await race(PARALLEL, (i) =>
      c.guihuasi!.request('PUT', '/api/v1/review/settings', { rubric: DEFAULT_RUBRIC, divergenceThreshold: 10 + i, version: 0 }),
    );
    const winner = oneWinner(answers);
    expect((await c.guihuasi!.request('GET', '/api/v1/review/settings')).json()).toMatchObject({ divergenceThreshold: 10 + winner, version: 1 });
  });

  it('the evaluation scheme, the phase calendar and the reporting schedule likewise', async () => {
    const scheme = await race(PARALLEL, (i) =>
      c.guihuasi!.request('PUT', '/api/v1/evaluation-scheme', { scheme: { ...DEFAULT_EVALUATION_SCHEME, id: `scheme-${i}` }, version: 0 }),
    );
    const s = oneWinner(scheme);
    expect((await c.guihuasi!.request('GET', '/api/v1/evaluation-scheme')).json()).toMatchObject({ scheme: { id: `scheme-${s}` }, version: 1 });

    const calendar = (await c.guihuasi!.request('GET', '/api/v1/settings/pilot-schedule')).json() as Record<string, unknown>;
    const cal = await race(PARALLEL, (i) => c.guihuasi!.request('PUT', '/api/v1/settings/pilot-schedule', { ...calendar, rectificationMonths: 3 + i }));
    const w = oneWinner(cal);
    expect((await c.guihuasi!.request('GET', '/api/v1/settings/pilot-schedule')).json()).toMatchObject({ rectificationMonths: 3 + w, version: 1 });

    const sched = await race(PARALLEL, (i) => c.guihuasi!.request('PUT', '/api/v1/report-schedule', { reminderDays: [20 + i, 2], version: 0 }));
    const r = oneWinner(sched);
    expect((await c.guihuasi!.request('GET', '/api/v1/report-schedule')).json()).toMatchObject({ reminderDays: [20 + r, 2], version: 1 });
  });

  it('an expert record: one edit wins, and availability switched meanwhile is not undone', async () => {
    const created = await c.guihuasi!.request('POST', '/api/v1/experts', {
      name: '并发测试专家',
      organisation: '浙江大学',
      organisationType: 'university',
      title: '教授',
      provinceCode: '330000',
      fields: ['智能制造'],
      relations: [],
      loadCap: 4,
    });
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json() as Record<string, unknown> & { id: string; version: number };
    const { id: _id, version, ...record } = e;
    const base = { name: record.name, organisation: record.organisation, organisationType: record.organisationType, provinceCode: record.provinceCode, fields: record.fields, relations: [], loadCap: 4 };
    const answers = await race(PARALLEL, (i) => c.guihuasi!.request('PUT', `/api/v1/experts/${e.id}`, { ...base, title: `职称${i}`, version }));
    const w = oneWinner(answers);
    const after = (await c.guihuasi!.request('GET', `/api/v1/experts/${e.id}`)).json() as { title: string; version: number };
    expect(after).toMatchObject({ title: `职称${w}`, version: version + 1 });
    const off = await c.guihuasi!.request('PATCH', `/api/v1/experts/${e.id}`, { available: false });
    expect(off.statusCode).toBe(200);
    const late = await c.guihuasi!.request('PUT', `/api/v1/experts/${e.id}`, { ...base, title: '迟到的修改', available: true, version: after.version });
    expect(late.statusCode).toBe(409);
    expect((await c.guihuasi!.request('GET', `/api/v1/experts/${e.id}`)).json()).toMatchObject({ available: false, title: `职称${w}` });
  });

  it('a plan draft: one of eight saves of the same version wins, the others keep nothing half-saved', async () => {
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    const created = await c.hangzhou!.request('POST', '/api/v1/applications', { title: '并发编辑测试', applicationYear: 2016, plan });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const answers = await race(PARALLEL, (i) => {
      const p = structuredClone(plan);
      p.sections['ch1.basis'] = `第${i}稿`;
      return c.hangzhou!.request('PUT', `/api/v1/applications/${id}/plan`, { version: 1, plan: p });
    });
    const w = oneWinner(answers);
    const detail = (await c.hangzhou!.request('GET', `/api/v1/applications/${id}`)).json() as { application: { version: number }; plan: { sections: Record<string, string> } };
    expect(detail.application.version).toBe(2);
    expect(detail.plan.sections['ch1.basis']).toBe(`第${w}稿`);
    const versions = (await c.hangzhou!.request('GET', `/api/v1/applications/${id}/versions`)).json() as { items: unknown[] };
    expect(versions.items).toHaveLength(2);
  });

  it('two forwards of one submitted application: exactly one decides', async () => {
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    const id = (await c.hangzhou!.request('POST', '/api/v1/applications', { title: '并发转报测试', applicationYear: 2016, plan })).json().id as string;
    const submitted = await c.hangzhou!.request('POST', `/api/v1/applications/${id}/submit`, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const checklist = (await import('../../src/shared/lifecycle/provincial-checklist.js')).PROVINCIAL_CHECKLIST;
    const body = { version: submitted.json().version, checklist: Object.fromEntries(checklist.map((i) => [i.key, true])), opinion: '同意', opinionDate: '2016-08-01' };
    const answers = await race(2, () => c.zhejiang!.request('POST', `/api/v1/applications/${id}/forward`, body));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const history = (await c.zhejiang!.request('GET', `/api/v1/applications/${id}/history`)).json() as { items: { action: string }[] };
    expect(history.items.filter((e) => e.action === 'forward')).toHaveLength(1);
  });
});
