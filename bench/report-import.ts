/**
 * Benchmark of the progress-report import (issue 7): one Excel file of 2,000 indicator rows, uploaded
 * through the real route (multipart, the all-or-nothing check of every row, the save), on PGlite and
 * on PostgreSQL. Prints the time of each step and the process's peak memory while importing.
 *
 *   npx tsx bench/report-import.ts [--rows 2000] [--runs 3] [--db pglite,postgres]
 *                                   [--postgres-url postgres://postgres@127.0.0.1:5432/test]
 *
 * A plan names at most 300 targets (plan-schema.ts), so the pilot's contract is widened to `rows`
 * targets directly in the database: the import reads the contract, not the plan. The file is the
 * template the platform generates for that pilot and period, filled in with exceljs.
 * One line per run for scripts: RESULT bench=report-import db=… rows=… ms=… peak_rss_mb=… peak_heap_mb=… heap_growth_mb=…
 * Run it with `node --expose-gc --import tsx bench/report-import.ts` so each measurement starts after a collection.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { pilotContractVersions, users } from '../src/db/schema.js';
import { getApplication } from '../src/features/applications/public.js';
import { createPilotForApproval } from '../src/features/pilots/public.js';
import { manualClock } from '../src/kernel/clock.js';
import { PROVINCIAL_CHECKLIST } from '../src/shared/lifecycle/provincial-checklist.js';
import type { Plan } from '../src/shared/plan/plan-schema.js';
import { makeCompletePlan } from '../test/fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../test/helpers/seed-accounts.js';
import { login, makeTestApp, type Client } from '../test/helpers/test-app.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    db: { type: 'string', default: 'pglite,postgres' },
    'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const kinds = args.db.split(',').map((s) => s.trim()) as ('pglite' | 'postgres')[];
if (!(ROWS >= 1 && ROWS <= 4900) || !(RUNS >= 1)) throw new Error('--rows must be 1–4900 (the import refuses more than 5,000 rows), --runs ≥ 1');

function ok(res: { statusCode: number; body: string }, what: string, status = 200) {
  if (res.statusCode !== status) throw new Error(`${what}: HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
}

function multipart(filename: string, content: Buffer) {
  const boundary = '----mic2025bench';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** `n` level targets shaped like the fixture's first one, with their own ids and names. */
function wideTargets(n: number): Plan['targets'] {
  const model = makeCompletePlan().targets[0]!;
  return Array.from({ length: n }, (_, i) => ({ ...model, id: `bench-${i + 1}`, indicator: `基准测试指标${i + 1}`, baseline: 100 + i, values: [110 + i, 120 + i, 130 + i] }));
}

/** Samples the resident set and heap every 5 ms while `fn` runs; returns its time and the peaks. */
async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMb: number; peakHeapMb: number; baseRssMb: number; baseHeapMb: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - started, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, baseRssMb: base.rss / 2 ** 20, baseHeapMb: base.heapUsed / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function benchOne(kind: 'pglite' | 'postgres') {
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = args['postgres-url'];
  const clock = manualClock(new Date('2018-01-20T02:00:00Z'));
  const t = await makeTestApp(kind, { MAX_UPLOAD_BYTES: String(20 * 1024 * 1024), TOTP_REQUIRED_ROLES: 'none' }, { clock });
  try {
    await seedAccounts(t.database.db);
    const c: Record<string, Client> = {};
    for (const u of ['hangzhou', 'zhejiang', 'guihuasi']) c[u] = await login(t.app, u, PASSWORD);
    // An application taken to the ministry, then approved as the review's decision does.
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    const created = await c.hangzhou!.request('POST', '/api/v1/applications', { title: '基准测试实施方案', applicationYear: 2016, plan });
    ok(created, 'create', 201);
    const id = created.json().id as string;
    const submitted = await c.hangzhou!.request('POST', `/api/v1/applications/${id}/submit`, { version: 1 });
    ok(submitted, 'submit');
    const checklist = Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true]));
    const forwarded = await c.zhejiang!.request('POST', `/api/v1/applications/${id}/forward`, { version: submitted.json().version, checklist, opinion: '同意', opinionDate: '2016-08-01' });
    ok(forwarded, 'forward');
    ok(await c.guihuasi!.request('POST', `/api/v1/applications/${id}/receive`, { version: forwarded.json().version, printedCopies: 'received', discs: 'received', formalCheckPassed: true }), 'receive');
    const db = t.database.db;
    const [approver] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
    const pilotId = await createPilotForApproval(db, { application: (await getApplication(db, id))!, documentNo: '工信部规函〔2016〕999号', approvalDate: '2016-09-01', approvedBy: approver!.id });
    await db.update(pilotContractVersions).set({ targets: wideTargets(ROWS) }).where(eq(pilotContractVersions.pilotId, pilotId));

    const items = (await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/reports`)).json().items as { id: string; period: string }[];
    const reportId = items.find((i) => i.period === '2017')!.id;
    const tpl = await measured(async () => {
      const res = await c.hangzhou!.request('GET', `/api/v1/reports/${reportId}/template.xlsx`);
      ok(res, 'template');
      return res.rawPayload;
    });
    // Fill every indicator row (data sheet: header on row 3, target id in column B, value F, source G).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.result as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let filled = 0;
    for (let r = 4; r <= ws.rowCount; r++) {
      const tid = ws.getCell(r, 2).value;
      if (typeof tid === 'string' && tid.startsWith('bench-')) {
        ws.getCell(r, 6).value = 100 + (filled % 50);
        ws.getCell(r, 7).value = '市统计局';
        filled++;
      }
    }
    if (filled !== ROWS) throw new Error(`the template has ${filled} indicator rows, expected ${ROWS}`);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    console.log(`[${kind}] template for ${ROWS} indicators: ${(tpl.ms).toFixed(0)} ms, ${(tpl.result.length / 1024).toFixed(0)} KB; filled file ${(file.length / 1024).toFixed(0)} KB, ${ws.rowCount} rows`);

    for (let run = 1; run <= RUNS; run++) {
      const version = (await c.hangzhou!.request('GET', `/api/v1/reports/${reportId}`)).json().version as number;
      const m = multipart('进度报告.xlsx', file);
      const r = await measured(() => c.hangzhou!.request('POST', `/api/v1/reports/${reportId}/import?version=${version}`, m.body, m.headers));
      ok(r.result, 'import');
      const saved = (await c.hangzhou!.request('GET', `/api/v1/reports/${reportId}`)).json() as { values: { actual: number | null }[] };
      const withValues = saved.values.filter((v) => v.actual !== null).length;
      if (withValues !== ROWS) throw new Error(`after the import ${withValues} values are saved, expected ${ROWS}`);
      console.log(
        `RESULT bench=report-import db=${kind} rows=${ROWS} run=${run} ms=${r.ms.toFixed(0)} peak_rss_mb=${r.peakRssMb.toFixed(0)} ` +
          `rss_growth_mb=${(r.peakRssMb - r.baseRssMb).toFixed(0)} peak_heap_mb=${r.peakHeapMb.toFixed(0)} heap_growth_mb=${(r.peakHeapMb - r.baseHeapMb).toFixed(0)}`,
      );
    }
    // The refusal path: the same file with every value replaced by text is checked row by row and saves nothing.
    for (let r = 4; r <= ws.rowCount; r++) if (typeof ws.getCell(r, 2).value === 'string' && String(ws.getCell(r, 2).value).startsWith('bench-')) ws.getCell(r, 6).value = '约一百';
    const bad = multipart('进度报告.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const refused = await measured(() => c.hangzhou!.request('POST', `/api/v1/reports/${reportId}/import`, bad.body, bad.headers));
    ok(refused.result, 'refusal', 422);
    const rowErrors = (refused.result.json().error.details.rows as unknown[]).length;
    console.log(`RESULT bench=report-import-refused db=${kind} rows=${ROWS} errors=${rowErrors} ms=${refused.ms.toFixed(0)} peak_rss_mb=${refused.peakRssMb.toFixed(0)}`);
  } finally {
    await t.close();
  }
}

for (const kind of kinds) await benchOne(kind);
