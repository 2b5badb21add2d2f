/**
 * The second baseline of the HTTP benchmark (issue 9, point 4): the SQL that the two list endpoints
 * run, written by hand and sent with pg from a bare Fastify route — the session lookup from the
 * cookie, then the page of rows with the count folded in (the count alone only for a page past the
 * end), the same statements as the endpoint's (src/features/auth/auth.queries.ts findSession and
 * src/features/applications/applications.queries.ts listStatements), with the same parameters and,
 * like the endpoint, as named prepared statements. The benchmark checks before the load that each
 * twin answers the same total with the same number of queries per request as its endpoint
 * (bench/server.ts counts them), so what the endpoint spends beyond this is the stack's own cost
 * (routing, zod, Drizzle, the presenters and abilities, the hooks); the primary-key baseline adds
 * the queries'.
 *
 * PostgreSQL only: a bare pg pool cannot open PGlite's data folder while the app holds it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { isoFromDb } from '../src/kernel/db-time.js';

const pgTypes = pg.types;

const SESSION_COOKIE = 'mic_sid';

const SESSION_SQL = `
select s.csrf_token, s.expires_at, s.last_seen_at, u.must_change_password, u.totp_enabled_at is not null as totp_enabled,
       u.id as user_id, u.username, u.display_name, u.role, u.active,
       o.id as organisation_id, o.name as organisation_name, o.kind as organisation_kind, o.division_code, o.authority_id
  from sessions s
  join users u on u.id = s.user_id
  join organisations o on o.id = u.organisation_id
 where s.id = $1 and s.expires_at > now()
 limit 1`;

const LIST_COLUMNS = `
  a.id, a.ref_no, a.title, a.status, a.version, a.round, a.application_year, a.applicant_name,
  a.updated_at, a.submitted_at, a.forwarded_at, a.received_at, a.is_demo, a.city_codes, a.authority_ids,
  false as actor_authority_pending`;

/**
 * The ministry's inbox: forwarded applications, oldest forwarded first (?queue=true); the total from
 * the counts the database keeps (application_counts).
 */
const INBOX_WHERE = `a.forwarded_at is not null and a.status = $1`;
const INBOX_TOTAL = `(select coalesce(sum(k.n), 0) from application_counts k where k.forwarded = $1 and k.status = $2)`;
const INBOX_SQL = `
select ${LIST_COLUMNS}, ${INBOX_TOTAL} as total
  from applications a
 where ${INBOX_WHERE.replace('$1', '$3')}
 order by a.forwarded_at asc, a.id asc
 limit $4 offset $5`;
const INBOX_COUNT_SQL = `select ${INBOX_TOTAL} as n`;

/** A city's own applications, latest change first, walking the city's index (application_cities). */
const CITY_TOTAL = `(select count(*) from application_cities k where k.city_code = $1)`;
const CITY_SQL = `
select ${LIST_COLUMNS}, ${CITY_TOTAL} as total
  from application_cities c join applications a on a.id = c.application_id
 where c.city_code = $2
 order by c.app_updated_at desc, c.application_id desc
 limit $3 offset $4`;
const CITY_COUNT_SQL = `select ${CITY_TOTAL} as n`;

interface SessionRow {
  csrf_token: string;
  user_id: string;
  role: string;
  active: boolean;
  organisation_id: string;
  division_code: string;
  authority_id: string | null;
}

function cookieToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Time stamps as the database writes them, turned into ISO strings without a Date, as the endpoint does. */
const RAW_STAMPS = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pgTypes.builtins.TIMESTAMPTZ ? (v: string) => v : pgTypes.getTypeParser(oid, format as 'text')) as typeof pgTypes.getTypeParser,
};

function present(rows: Record<string, unknown>[]) {
  return rows.map((r) => ({
    id: r.id,
    refNo: r.ref_no,
    title: r.title,
    status: r.status,
    version: r.version,
    round: r.round,
    applicationYear: r.application_year,
    applicantName: r.applicant_name,
    updatedAt: isoFromDb(r.updated_at as string),
    submittedAt: isoFromDb(r.submitted_at as string | null),
    forwardedAt: isoFromDb(r.forwarded_at as string | null),
    receivedAt: isoFromDb(r.received_at as string | null),
    isDemo: r.is_demo,
    cityCodes: (r.city_codes as string[] | null) ?? [],
  }));
}

const PAGE_SIZE = 20;
const OFFSET = 0;

/** Registers GET /sql/inbox and GET /sql/city (pageSize 20, page 1) on a bare Fastify instance. */
export function registerSqlBaselines(app: FastifyInstance, pool: pg.Pool): void {
  const session = async (cookie: string | undefined): Promise<SessionRow | null> => {
    const token = cookieToken(cookie);
    if (!token) return null;
    const id = createHash('sha256').update(token).digest('hex');
    const { rows } = await pool.query<SessionRow>({ name: 'twin_session', text: SESSION_SQL, values: [id] });
    const row = rows[0];
    return row && row.active ? row : null;
  };
  /** The page with its total; the count alone only when the page is past the end (as the endpoint). */
  const page = async (name: string, text: string, countText: string, totalParams: unknown[], whereParams: unknown[]) => {
    const { rows } = await pool.query<Record<string, unknown>>({ name, text, values: [...totalParams, ...whereParams, PAGE_SIZE, OFFSET], types: RAW_STAMPS });
    const total = rows[0]
      ? Number(rows[0].total)
      : OFFSET > 0
        ? Number((await pool.query<{ n: string }>({ name: `${name}_count`, text: countText, values: totalParams })).rows[0]?.n ?? 0)
        : 0;
    return { items: present(rows), total, page: 1, pageSize: PAGE_SIZE };
  };

  app.get('/sql/inbox', async (req, reply) => {
    const user = await session(req.headers.cookie);
    if (!user) return reply.status(401).send({ code: 'AUTH_REQUIRED' });
    if (user.role !== 'ministry_planning') return reply.status(403).send({ code: 'FORBIDDEN' });
    return page('twin_inbox', INBOX_SQL, INBOX_COUNT_SQL, [true, 'forwarded'], ['forwarded']);
  });

  app.get('/sql/city', async (req, reply) => {
    const user = await session(req.headers.cookie);
    if (!user) return reply.status(401).send({ code: 'AUTH_REQUIRED' });
    if (user.role !== 'city_applicant') return reply.status(403).send({ code: 'FORBIDDEN' });
    return page('twin_city', CITY_SQL, CITY_COUNT_SQL, [user.division_code], [user.division_code]);
  });
}
