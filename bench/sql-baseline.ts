/**
 * The second baseline of the HTTP benchmark (issue 9, point 4): the SQL that the two list endpoints
 * run, written by hand and sent with pg from a bare Fastify route — the session lookup from the
 * cookie, the scope and queue conditions, the page of rows and the count, in the same order and
 * with the same indexes. What the real endpoint spends beyond this is the stack's own cost
 * (routing, zod, Drizzle, the presenters, the hooks); the primary-key baseline adds the queries'.
 *
 * PostgreSQL only: a bare pg pool cannot open PGlite's data folder while the app holds it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';

const SESSION_COOKIE = 'mic_sid';

const SESSION_SQL = `
select s.csrf_token, u.id as user_id, u.role, u.active, o.id as organisation_id, o.division_code, o.authority_id
  from sessions s
  join users u on u.id = s.user_id
  join organisations o on o.id = u.organisation_id
 where s.id = $1 and s.expires_at > now()
 limit 1`;

const LIST_COLUMNS = `
  a.id, a.ref_no, a.title, a.status, a.version, a.round, a.application_year, o.name as applicant_name,
  a.updated_at, a.submitted_at, a.forwarded_at, a.received_at, a.is_demo,
  (select array_agg(c.city_code order by c.city_code) from application_cities c where c.application_id = a.id) as city_codes,
  (select array_agg(c.authority_id order by c.city_code) from application_cities c where c.application_id = a.id) as authority_ids`;

/** The ministry's inbox: forwarded applications, oldest forwarded first (?queue=true). */
const INBOX_SQL = `
select ${LIST_COLUMNS}, false as actor_authority_pending
  from applications a join organisations o on o.id = a.applicant_org_id
 where a.forwarded_at is not null and a.status = 'forwarded'
 order by a.forwarded_at asc, a.id asc
 limit $1 offset $2`;
const INBOX_COUNT_SQL = `select count(*)::int as n from applications a where a.forwarded_at is not null and a.status = 'forwarded'`;

/** A city's own applications, latest change first. */
const CITY_SQL = `
select ${LIST_COLUMNS}, false as actor_authority_pending
  from applications a join organisations o on o.id = a.applicant_org_id
 where exists (select 1 from application_cities c where c.application_id = a.id and c.city_code = $1)
 order by a.updated_at desc, a.id desc
 limit $2 offset $3`;
const CITY_COUNT_SQL = `select count(*)::int as n from applications a where exists (select 1 from application_cities c where c.application_id = a.id and c.city_code = $1)`;

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

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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
    updatedAt: iso(r.updated_at as Date),
    submittedAt: iso(r.submitted_at as Date | null),
    forwardedAt: iso(r.forwarded_at as Date | null),
    receivedAt: iso(r.received_at as Date | null),
    isDemo: r.is_demo,
    cityCodes: (r.city_codes as string[] | null) ?? [],
  }));
}

/** Registers GET /sql/inbox and GET /sql/city (pageSize 20, page 1) on a bare Fastify instance. */
export function registerSqlBaselines(app: FastifyInstance, pool: pg.Pool): void {
  const session = async (cookie: string | undefined): Promise<SessionRow | null> => {
    const token = cookieToken(cookie);
    if (!token) return null;
    const id = createHash('sha256').update(token).digest('hex');
    const { rows } = await pool.query<SessionRow>(SESSION_SQL, [id]);
    const row = rows[0];
    return row && row.active ? row : null;
  };

  app.get('/sql/inbox', async (req, reply) => {
    const user = await session(req.headers.cookie);
    if (!user) return reply.status(401).send({ code: 'AUTH_REQUIRED' });
    if (user.role !== 'ministry_planning') return reply.status(403).send({ code: 'FORBIDDEN' });
    const [items, total] = await Promise.all([pool.query(INBOX_SQL, [20, 0]), pool.query<{ n: number }>(INBOX_COUNT_SQL)]);
    return { items: present(items.rows), total: total.rows[0]?.n ?? 0, page: 1, pageSize: 20 };
  });

  app.get('/sql/city', async (req, reply) => {
    const user = await session(req.headers.cookie);
    if (!user) return reply.status(401).send({ code: 'AUTH_REQUIRED' });
    if (user.role !== 'city_applicant') return reply.status(403).send({ code: 'FORBIDDEN' });
    const [items, total] = await Promise.all([
      pool.query(CITY_SQL, [user.division_code, 20, 0]),
      pool.query<{ n: number }>(CITY_COUNT_SQL, [user.division_code]),
    ]);
    return { items: present(items.rows), total: total.rows[0]?.n ?? 0, page: 1, pageSize: 20 };
  });
}
