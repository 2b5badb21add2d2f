/**
 * The SIGKILL drill (issue 8, point 7): the compiled server runs on a data folder (PGlite) or a
 * throw-away PostgreSQL database; hundreds of concurrent plan saves, submissions and attachment
 * uploads are fired at it, every acknowledged one (2xx received) is recorded, and the process is
 * killed with SIGKILL while requests are still in flight. It is started again on the same data and
 * must come up by itself; then, with it stopped, the data must show:
 *  - every acknowledged change: each save's plan version, each submission's status, round, event and
 *    provincial rows, each upload's row, event and file — and an audit record for each;
 *  - no half-applied transition on any application, acknowledged or not: its version is its latest
 *    plan version, a submitted one has its submit events and provincial rows, a draft has none;
 *  - no orphan: every attachment row has its file (with the digest it names) and exactly one attach
 *    event, and every file in the store is named by a row — an upload cut between its file and its
 *    row leaves a file, which the orphan sweep at start-up removes (grace 0 here), together with
 *    half-written temporary files; a planted orphan and a planted temporary file prove the sweep;
 *  - the audit chain verifies, and a session made before the crash still works after it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { referencedBlobs } from '../../src/features/attachments/public.js';
import { verifyAuditChain } from '../../src/features/audit/public.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { createPgDatabase, dbKinds } from '../helpers/test-app.js';
import { buildServer, call, multipartFile, signIn, sleep, startServer, stopServer, type Session, type ServerProcess } from '../helpers/server-process.js';

const CITIES = [
  { username: 'wuhan', code: '420100', name: '武汉市人民政府' },
  { username: 'huzhou', code: '330500', name: '湖州市人民政府' },
  { username: 'quanzhou', code: '350500', name: '泉州市人民政府' },
  { username: 'suzhou', code: '320500', name: '苏州市人民政府' },
  { username: 'zhengzhou', code: '410100', name: '郑州市人民政府' },
  { username: 'shenyang', code: '210100', name: '沈阳市人民政府' },
];
const APPS_PER_CITY = 8;
/**
 * Each application's chain: one to four upload-and-save pairs, then the submission (3, 5, 7 or 9
 * requests, 288 for the 48), so that submissions fall due all through the storm.
 */
const chainOf = (i: number) => [...Array.from({ length: (i % 4) + 1 }, () => ['upload', 'save'] as const).flat(), 'submit' as const];
/** Kill once this many of the chains' requests have been acknowledged. */
const KILL_AFTER = 150;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function pdf(label: string): Buffer {
  // Unique bytes (so every upload is its own file), 48 KB so that writes take a moment.
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${label} ${randomBytes(8).toString('hex')}\n`), randomBytes(48 * 1024), Buffer.from('\n%%EOF\n')]);
}

interface Acked {
  saves: { app: string; version: number; marker: string }[];
  submits: { app: string; version: number }[];
  uploads: { app: string; id: string; sha256: string }[];
}

describe.each(dbKinds())('SIGKILL during concurrent transitions and uploads on %s', (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mic-crash-'));
  const uploadDir = join(dataDir, 'uploads');
  let env: Record<string, string>;
  let dropDb: (() => Promise<void>) | null = null;
  let server: ServerProcess | undefined;
  let restarted: ServerProcess | undefined;
  const acked: Acked = { saves: [], submits: [], uploads: [] };
  const apps: { id: string; city: (typeof CITIES)[number] }[] = [];
  const sessions = new Map<string, Session>();
  /** Every save's text in the order sent, per application. */
  const savesTried = new Map<string, string[]>();
  let fired = 0;
  let cut = 0;
  let refusedAfterKill = 0;
  let planted: { orphan: string; temp: string };

  beforeAll(async () => {
    buildServer();
    env = { DATA_DIR: dataDir, DEMO_DATA: 'true', BLOB_SWEEP_GRACE_MINUTES: '0', SESSION_IDLE_MINUTES: '120' };
    if (kind === 'postgres') {
      const db = await createPgDatabase();
      dropDb = db.drop;
      env.DATABASE_URL = db.url;
    }
    // A slow machine takes a while to make and seed a PGlite folder.
    server = await startServer(env, { timeoutMs: 300_000 });
  }, 360_000);

  afterAll(async () => {
    for (const s of [server, restarted]) if (s && s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await Promise.all([server?.exited, restarted?.exited]);
    if (dropDb) await dropDb();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('acknowledges hundreds of concurrent changes until it is killed mid-flight', async () => {
    const base = server!.url;
    for (const c of CITIES) sessions.set(c.username, await signIn(base, c.username));
    // The applications exist before the storm (each create is acknowledged).
    for (const c of CITIES) {
      const plan = makeCompletePlan({ cover: { cityCodes: [c.code], applicant: c.name } });
      for (let i = 0; i < APPS_PER_CITY; i++) {
        const r = await call(base, sessions.get(c.username)!, 'POST', '/api/v1/applications', { title: `断电演练 ${c.username} ${i}`, applicationYear: 2016, plan });
        expect(r.status, r.text).toBe(201);
        apps.push({ id: (r.json as { id: string }).id, city: c });
      }
    }

    let ackCount = 0;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      server!.child.kill('SIGKILL');
    };
    const chain = async (app: (typeof apps)[number], index: number) => {
      const s = sessions.get(app.city.username)!;
      const plan = makeCompletePlan({ cover: { cityCodes: [app.city.code], applicant: app.city.name } });
      let version = 1;
      for (const [step, what] of chainOf(index).entries()) {
        await sleep(Math.random() * 100);
        if (killed && step > 0) {
          // After the kill: one more attempt shows the port is closed, then the chain stops.
          const r = await call(base, s, 'GET', '/api/health', undefined, { timeoutMs: 5_000 });
          if (r.status === 0) refusedAfterKill++;
          return;
        }
        fired++;
        let r;
        if (what === 'upload') {
          const bytes = pdf(`${app.id} ${step}`);
          r = await call(base, s, 'POST', `/api/v1/applications/${app.id}/attachments`, undefined, { raw: multipartFile(`附件-${step}.pdf`, bytes), timeoutMs: 30_000 });
          if (r.status === 201) {
            const a = r.json as { id: string; sha256: string };
            expect(a.sha256).toBe(sha256(bytes));
            acked.uploads.push({ app: app.id, id: a.id, sha256: a.sha256 });
          }
        } else if (what === 'save') {
          const marker = `第 ${step} 稿 ${randomBytes(4).toString('hex')}`;
          plan.sections['ch1.basis'] = marker;
          savesTried.set(app.id, [...(savesTried.get(app.id) ?? []), marker]);
          r = await call(base, s, 'PUT', `/api/v1/applications/${app.id}/plan`, { version, plan }, { timeoutMs: 30_000 });
          if (r.status === 200) {
            version = (r.json as { version: number }).version;
            acked.saves.push({ app: app.id, version, marker });
          }
        } else {
          r = await call(base, s, 'POST', `/api/v1/applications/${app.id}/submit`, { version }, { timeoutMs: 30_000 });
          if (r.status === 200) {
            const t = r.json as { version: number; status: string };
            expect(t.status).toBe('submitted');
            acked.submits.push({ app: app.id, version: t.version });
          }
        }
        if (r.status === 0) {
          cut++;
          return;
        }
        // Before the kill every answer is a success: nothing here should be refused.
        if (!killed) expect(r.status, `${what}: ${r.text}`).toBeLessThan(300);
        if (++ackCount >= KILL_AFTER) kill();
      }
    };
    await Promise.all(apps.map((a, i) => chain(a, i)));
    const { signal } = await server!.exited;
    expect(signal).toBe('SIGKILL');
    expect(killed, 'killed mid-flight, not after the last request').toBe(true);
    expect(fired).toBeGreaterThan(KILL_AFTER);
    expect(cut, 'some requests were in flight when the process died').toBeGreaterThan(0);
    expect(acked.submits.length, 'some submissions were acknowledged').toBeGreaterThan(0);
    expect(acked.saves.length * acked.uploads.length, 'saves and uploads were acknowledged').toBeGreaterThan(0);
    console.log(
      `RESULT crash db=${kind} fired=${fired} acked=${ackCount} cut=${cut} saves=${acked.saves.length} submits=${acked.submits.length} uploads=${acked.uploads.length}`,
    );
  }, 300_000);

  it('starts again on the same data by itself, sweeping orphaned files; sessions survive', async () => {
    // An orphan (a file no row names, as an upload cut between file and row leaves) and a half-written file.
    const orphanBytes = pdf('planted orphan');
    const orphan = sha256(orphanBytes);
    mkdirSync(join(uploadDir, orphan.slice(0, 2)), { recursive: true });
    writeFileSync(join(uploadDir, orphan.slice(0, 2), orphan), orphanBytes);
    const temp = `${orphan}.999.deadbeef.tmp`;
    writeFileSync(join(uploadDir, orphan.slice(0, 2), temp), orphanBytes.subarray(0, 1000));
    planted = { orphan, temp };

    restarted = await startServer(env, { timeoutMs: 300_000 });
    const swept = /orphan files swept: (\d+) unreferenced, (\d+) temporary removed/.exec(restarted.output());
    expect(swept, restarted.output()).not.toBeNull();
    // At least the planted pair; more when the kill cut an upload between its file and its row.
    expect(Number(swept![1])).toBeGreaterThanOrEqual(1);
    expect(Number(swept![2])).toBeGreaterThanOrEqual(1);
    console.log(`RESULT crash-restart db=${kind} ${swept![0]}`);
    const s = sessions.get('wuhan')!;
    const me = await call(restarted.url, s, 'GET', '/api/v1/auth/me');
    expect(me.status, me.text).toBe(200);
    // Acknowledged uploads can be downloaded again.
    for (const u of acked.uploads.slice(0, 5)) {
      const owner = apps.find((a) => a.id === u.app)!.city.username;
      const dl = await fetch(`${restarted.url}/api/v1/attachments/${u.id}`, { headers: { cookie: sessions.get(owner)!.cookie } });
      expect(dl.status).toBe(200);
      expect(sha256(Buffer.from(await dl.arrayBuffer()))).toBe(u.sha256);
    }
    await stopServer(restarted);
    expect((await restarted.exited).code, restarted.output()).toBe(0);
  }, 360_000);

  it('lost no acknowledged change, applied no transition by half and left no orphan', async () => {
    const database = await openDatabase({ url: env.DATABASE_URL, dataDir: join(dataDir, 'pglite') });
    const q = async <T,>(query: SQL) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    try {
      const ids = apps.map((a) => a.id);
      const idList = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
      const rows = await q<{ id: string; status: string; version: number; round: number }>(sql`select id, status, version, round from applications where id in (${idList})`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.size, 'every created application is there').toBe(apps.length);
      const planVersions = await q<{ application_id: string; version: number; kind: string }>(sql`select application_id, version, kind from plan_versions where application_id in (${idList})`);
      const events = await q<{ application_id: string; action: string; data: { sha256?: string } | null }>(sql`select application_id, action, data from application_events where application_id in (${idList})`);
      const reviews = await q<{ application_id: string; round: number }>(sql`select application_id, round from provincial_reviews where application_id in (${idList})`);
      const atts = await q<{ id: string; application_id: string; sha256: string }>(sql`select id, application_id, sha256 from attachments where application_id in (${idList})`);

      // 1. Every acknowledged change is there.
      // A save's text is the plan's now, unless a later save of the same application (acknowledged
      // or cut, but then committed) replaced it. (Saves in a row by one user share one plan version row.)
      const basis = new Map((await q<{ id: string; basis: string }>(sql`select id, plan->'sections'->>'ch1.basis' as basis from applications where id in (${idList})`)).map((r) => [r.id, r.basis]));
      for (const s of acked.saves) {
        expect(byId.get(s.app)!.version).toBeGreaterThanOrEqual(s.version);
        const tried = savesTried.get(s.app)!;
        expect(tried.slice(tried.indexOf(s.marker)), `save ${s.app} v${s.version}`).toContain(basis.get(s.app));
      }
      for (const s of acked.submits) {
        expect(byId.get(s.app)).toMatchObject({ status: 'submitted', version: s.version, round: 1 });
      }
      const attIds = new Map(atts.map((a) => [a.id, a]));
      for (const u of acked.uploads) {
        expect(attIds.get(u.id), `upload ${u.id}`).toMatchObject({ application_id: u.app, sha256: u.sha256 });
      }

      // 2. No application is half-way through a transition.
      for (const a of rows) {
        const versions = planVersions.filter((p) => p.application_id === a.id);
        expect(Math.max(...versions.map((p) => p.version)), `latest plan version of ${a.id}`).toBe(a.version);
        expect(new Set(versions.map((p) => p.version)).size).toBe(versions.length);
        const submits = events.filter((e) => e.application_id === a.id && e.action === 'submit').length;
        const provincial = reviews.filter((r) => r.application_id === a.id && r.round === a.round).length;
        if (a.status === 'submitted') {
          expect({ round: a.round, submits, hasProvincial: provincial > 0, submittedVersion: versions.some((p) => p.kind === 'submitted' && p.version === a.version) }).toEqual({
            round: 1,
            submits: 1,
            hasProvincial: true,
            submittedVersion: true,
          });
        } else {
          expect({ status: a.status, round: a.round, submits, reviews: reviews.filter((r) => r.application_id === a.id).length }).toEqual({ status: 'draft', round: 0, submits: 0, reviews: 0 });
        }
      }

      // 3. No orphan: rows ↔ events ↔ files.
      for (const a of atts) {
        const path = join(uploadDir, a.sha256.slice(0, 2), a.sha256);
        expect(existsSync(path), `file of attachment ${a.id}`).toBe(true);
        expect(sha256(readFileSync(path))).toBe(a.sha256);
        expect(events.filter((e) => e.application_id === a.application_id && e.action === 'attach' && e.data?.sha256 === a.sha256)).toHaveLength(1);
      }
      expect(events.filter((e) => e.action === 'attach')).toHaveLength(atts.length);
      const referenced = await referencedBlobs(database.db);
      const onDisk = existsSync(uploadDir) ? readdirSync(uploadDir).flatMap((sub) => readdirSync(join(uploadDir, sub))) : [];
      expect(onDisk.filter((n) => n.endsWith('.tmp')), 'no temporary files').toEqual([]);
      expect(onDisk.filter((n) => !referenced.has(n)), 'no file without a row').toEqual([]);
      expect(onDisk).not.toContain(planted.orphan);
      expect(onDisk).not.toContain(planted.temp);

      // 4. The audit log: intact, with a record of every acknowledged change.
      const chain = await verifyAuditChain(database.db);
      expect(chain.ok, JSON.stringify(chain.broken)).toBe(true);
      const audit = await q<{ route: string; object_id: string; n: number }>(
        sql`select route, object_id, count(*)::int as n from audit_log where outcome = 'success' and method in ('POST', 'PUT') group by route, object_id`,
      );
      const recorded = (route: string, id: string) => audit.find((r) => r.route === route && r.object_id === id)?.n ?? 0;
      const want = new Map<string, number>();
      for (const s of acked.saves) want.set(`/api/v1/applications/:id/plan ${s.app}`, (want.get(`/api/v1/applications/:id/plan ${s.app}`) ?? 0) + 1);
      for (const s of acked.submits) want.set(`/api/v1/applications/:id/submit ${s.app}`, 1);
      for (const u of acked.uploads) want.set(`/api/v1/applications/:id/attachments ${u.app}`, (want.get(`/api/v1/applications/:id/attachments ${u.app}`) ?? 0) + 1);
      for (const [key, n] of want) {
        const [route, id] = key.split(' ') as [string, string];
        expect(recorded(route, id), `audit records of ${key}`).toBeGreaterThanOrEqual(n);
      }
      console.log(`RESULT crash-check db=${kind} applications=${rows.length} attachments=${atts.length} files=${onDisk.length} audit=${chain.checked} refused_after_kill=${refusedAfterKill}`);
    } finally {
      await database.close();
    }
  }, 120_000);
});
