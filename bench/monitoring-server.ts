/**
 * Child process of the monitoring benchmark (bench/monitoring.ts): serves the real application
 * (buildApp, API only) and, on a bare Fastify instance over the same pg pool, the same SQL written by
 * hand — the session lookup from the cookie, then what the two attainment endpoints run:
 *   /sql/attainment/overview       the overview's full read (the stored summaries with their fingerprints),
 *                                  the totals over every row and a page of 50 (?pageSize=300: all)
 *   /sql/pilots/:id/attainment     the dashboard's queries (the pilot row, its contract versions, the
 *                                  latest confirmed figure of each year and target)
 * The bare routes answer the rows as JSON and compute nothing: what the real endpoints spend beyond
 * them is the stack (routing, zod, Drizzle, the presenters) plus the attainment rules themselves.
 * Reports { appUrl, sqlUrl } over IPC; stops on 'stop' or when the parent goes away.
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { runBenchChild, serveUntilStopped, startBenchApp, urlOf } from './bench-server-kit.js';

export interface MonitoringServerReady {
  type: 'ready';
  appUrl: string;
  sqlUrl: string;
}

const SESSION_SQL = `
select s.csrf_token, u.id as user_id, u.role, u.active, o.id as organisation_id, o.division_code, o.authority_id
  from sessions s
  join users u on u.id = s.user_id
  join organisations o on o.id = u.organisation_id
 where s.id = $1 and s.expires_at > now()
 limit 1`;

export const OVERVIEW_SQL = `
select p.id, p.name, p.city_codes, p.state, p.resume_phase, p.period_start_year, p.period_end_year, p.is_demo, p.approved_at,
       r.report_count, r.version_sum, r.latest_year, c.version_count, c.max_version, s.fingerprint, s.summary
  from pilots p
  left join (select pilot_id, count(*)::int as report_count, sum(version)::int as version_sum, max(year)::int as latest_year
               from progress_reports where status = 'confirmed' group by pilot_id) r on r.pilot_id = p.id
  left join (select pilot_id, count(*)::int as version_count, max(version)::int as max_version
               from pilot_contract_versions group by pilot_id) c on c.pilot_id = p.id
  left join attainment_summaries s on s.pilot_id = p.id
 order by p.approved_at asc, p.id asc`;

const PILOT_SQL = `select * from pilots where id = $1 limit 1`;
const VERSIONS_SQL = `
select pilot_id, version, effective_from_year, name, targets from pilot_contract_versions
 where pilot_id = any($1) order by pilot_id asc, version asc`;
export const FIGURES_SQL = `
select distinct on (pr.pilot_id, pr.year, v.target_id) pr.pilot_id, pr.year, pr.period, pr.period_end, v.target_id, v.actual
  from report_values v join progress_reports pr on v.report_id = pr.id
 where pr.pilot_id = any($1) and pr.status = 'confirmed' and v.actual is not null
 order by pr.pilot_id, pr.year, v.target_id, pr.period_end desc`;

function sessionId(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'mic_sid') return createHash('sha256').update(decodeURIComponent(v.join('='))).digest('hex');
  }
  return null;
}

async function main() {
  const { database, app, appUrl } = await startBenchApp('bench/monitoring-server.ts', 'bench/monitoring.ts', { postgresOnly: true });
  const pool = database.pool!;

  const bare = Fastify({ logger: false });
  bare.addHook('preHandler', async (req, reply) => {
    const id = sessionId(req.headers.cookie);
    const { rows } = id ? await pool.query(SESSION_SQL, [id]) : { rows: [] };
    if (!rows[0]?.active) return reply.status(401).send({ error: 'AUTH_REQUIRED' });
  });
  bare.get<{ Querystring: { page?: string; pageSize?: string } }>('/sql/attainment/overview', async (req) => {
    const { rows } = await pool.query(OVERVIEW_SQL);
    const page = Number(req.query.page ?? 1);
    const pageSize = Number(req.query.pageSize ?? 50);
    // The totals over every row, as the endpoint gives them; then the page.
    const counts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
    for (const r of rows) {
      const stored = (r.summary as { counts?: Partial<typeof counts> } | null)?.counts ?? {};
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += stored[k] ?? 0;
    }
    return {
      total: rows.length,
      totals: { pilots: rows.length, counts },
      items: rows.slice((page - 1) * pageSize, page * pageSize).map((r) => ({
        pilotId: r.id,
        name: r.name,
        cityCodes: r.city_codes,
        state: r.state,
        periodStartYear: r.period_start_year,
        periodEndYear: r.period_end_year,
        isDemo: r.is_demo,
        latestYear: r.latest_year,
        fingerprint: r.fingerprint,
        summary: r.summary,
      })),
    };
  });
  bare.get<{ Params: { id: string } }>('/sql/pilots/:id/attainment', async (req, reply) => {
    const pilot = (await pool.query(PILOT_SQL, [req.params.id])).rows[0];
    if (!pilot) return reply.status(404).send({ error: 'NOT_FOUND' });
    const versions = (await pool.query(VERSIONS_SQL, [[pilot.id]])).rows;
    const figures = (await pool.query(FIGURES_SQL, [[pilot.id]])).rows;
    return { pilot, versions, figures };
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });

  const ready: MonitoringServerReady = { type: 'ready', appUrl, sqlUrl: `${urlOf(bare)}/sql` };
  serveUntilStopped(database, [app, bare], ready);
}

runBenchChild('monitoring bench server', main);
