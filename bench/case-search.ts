/**
 * Benchmark of the case library's Chinese search through the real route (GET /api/v1/cases?q=…,
 * Fastify's inject, so routing, the session hook, the permission check, the service, segmentation and
 * the SQL all run), on PostgreSQL and on PGlite:
 *
 * - seeds 10,000 published cases (default) of generated Chinese text from the programme's vocabulary
 *   (cities, industries, the seven themes, carriers, measures, results), segmented with jieba as the
 *   application does when a case is written;
 * - runs each query type — two-character words, phrases, one character, fuzzy (a typo or a word the
 *   index does not hold, so the words search finds nothing and the trigram fallback answers) — a fixed
 *   number of times after a warm-up, with `--concurrency` requests in flight;
 * - prints one line per query type and database:
 *     RESULT query=<type> db=<db> cases=<n> requests=<n> concurrency=<c> p50_ms=… p95_ms=… mean_hits=…
 * - and the plan of the one-character queries' match (a prefix query on the words' tsvector, counted)
 *   and the fuzzy one's candidates (pg_trgm `<%`, its threshold set as the route sets it, LIMIT
 *   FUZZY_CANDIDATES as the route caps them), by EXPLAIN ANALYZE:
 *   `PLAN query=<type> db=<db> index=<yes|no> …`.
 *
 *   npx tsx bench/case-search.ts [--cases 10000] [--rounds 20] [--concurrency 1] [--db pglite,postgres]
 *     [--postgres postgres://postgres@127.0.0.1:5432/postgres]
 *
 * PostgreSQL: a throw-away database beside the one named (dropped at the end). PGlite: in memory.
 */
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbKind } from '../src/db/client.js';
import { cases, users } from '../src/db/schema.js';
import { FUZZY_CANDIDATES } from '../src/features/cases/cases.queries.js';
import { searchColumns } from '../src/features/cases/segment.js';
import { seedAccounts, PASSWORD } from '../test/helpers/seed-accounts.js';
import { login, makeTestApp } from '../test/helpers/test-app.js';
import { rng as prng } from './assignment/generate-instance.js';

interface Options {
  cases: number;
  rounds: number;
  concurrency: number;
  databases: DbKind[];
  postgres: string;
}

function parse(argv: string[]): Options {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    cases: Number(flag('cases') ?? 10_000),
    rounds: Number(flag('rounds') ?? 20),
    concurrency: Number(flag('concurrency') ?? 1),
    databases: (flag('db') ?? 'postgres,pglite').split(',') as DbKind[],
    postgres: flag('postgres') ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

// ---------------------------------------------------------------------------------------------
// Generated cases: a small grammar over the programme's vocabulary, from a seeded generator.

const CITIES = ['宁波', '泉州', '沈阳', '长春', '武汉', '吴忠', '青岛', '成都', '赣州', '湖州', '合肥', '芜湖', '株洲', '郑州', '洛阳', '佛山', '东莞', '苏州', '无锡', '常州', '南通', '大连', '柳州', '绵阳', '宝鸡', '包头', '襄阳', '宜昌', '潍坊', '烟台'];
const INDUSTRIES = ['芯片设计', '装备制造', '汽车及零部件', '新材料', '电子信息', '生物医药', '纺织服装', '石油化工', '船舶海工', '航空航天', '轨道交通', '集成电路', '新能源汽车', '节能环保', '食品加工', '家电', '机器人'];
const THEMES = ['智能制造', '绿色制造', '服务型制造', '工业互联网', '制造业创新中心', '人才培养', '政策保障', '质量品牌', '工业强基', '两化融合'];
const CARRIERS = ['示范工厂', '数字化车间', '产业园区', '公共服务平台', '创新中心', '工程技术中心', '产业联盟', '孵化基地', '检验检测中心', '实训基地'];
const MEASURES = ['设立专项资金', '实施技术改造', '推广工业机器人', '建设工业互联网平台', '培育龙头企业', '开展质量提升行动', '引进高层次人才', '完善首台套保险补偿', '推进产学研合作', '建立绿色供应链', '实施智能化改造', '打造产业集群', '建设标准体系', '推动企业上云'];
const RESULTS = ['劳动生产率提高', '单位产值能耗下降', '产品不良率降低', '研发经费投入强度提升', '新产品产值率提高', '规模以上工业增加值增长', '关键工序数控化率提升', '企业数字化水平提升', '出口交货值增长', '专利申请量增长'];
const CONNECT = ['同时', '在此基础上', '与此同时', '此外', '通过上述举措'];

function generateCase(rand: () => number, i: number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const city = pick(CITIES);
  const theme = pick(THEMES);
  const industry = pick(INDUSTRIES);
  const carrier = pick(CARRIERS);
  const sentence = () =>
    `${pick(CONNECT)}，${city}${pick(['围绕', '聚焦', '立足'])}${pick(INDUSTRIES)}，${pick(MEASURES)}，${pick(['建成', '培育', '认定'])}${pick(CARRIERS)}${1 + Math.floor(rand() * 30)}个，${pick(RESULTS)}${(1 + rand() * 30).toFixed(1)}%。`;
  return {
    title: `${city}${pick(['推进', '加快', '深化', '探索'])}${theme}${pick(['的做法与成效', '经验', '典型案例', '实践'])}（${i + 1}）`,
    summary: `${city}以${theme}为主线，在${industry}领域${pick(MEASURES)}，建设${carrier}，${pick(RESULTS)}。`,
    // One case in a hundred tells of something rare (a selective query, as most real ones are).
    body: [...Array.from({ length: 4 + Math.floor(rand() * 5) }, sentence), ...(rand() < 0.01 ? [`${city}引进鲲鹏计算产业生态，建成鲲鹏创新中心。`] : [])].join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------

const QUERIES: Record<string, string[]> = {
  two_char: ['智能', '绿色', '人才', '园区', '工厂', '平台'],
  phrase: ['智能制造示范工厂', '绿色制造', '工业互联网平台', '数字化车间'],
  one_char: ['智', '船', '芯', '鲲'],
  fuzzy: ['工业互连网', '智慧制照', '鲲朋计算', '机器人换人'],
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

async function seed(db: Db, n: number): Promise<void> {
  const [ministry] = await db.select({ id: users.id, org: users.organisationId }).from(users).where(eq(users.username, 'guihuasi'));
  if (!ministry) throw new Error('no ministry account');
  const rand = prng(2025);
  const start = Date.now();
  // The columns as the application writes them (cases.queries.ts insertCase), 200 rows a statement.
  for (let i = 0; i < n; i += 200) {
    const rows = Array.from({ length: Math.min(200, n - i) }, (_, k) => {
      const c = generateCase(rand, i + k);
      const s = searchColumns(c);
      const publishedAt = new Date(Date.UTC(2017, 0, 1) + Math.floor(rand() * 3 * 365) * 86_400_000);
      return {
        authorKind: 'ministry',
        authorOrganisationId: ministry.org,
        title: c.title,
        summary: c.summary,
        body: c.body,
        status: 'published',
        publishedAt,
        createdBy: ministry.id,
        searchVector: sql`setweight(to_tsvector('simple', ${s.title}), 'A') || setweight(to_tsvector('simple', ${s.summary}), 'B') || setweight(to_tsvector('simple', ${s.body}), 'C')` as unknown as string,
        searchWords: s.words,
        searchPlain: s.plain,
      };
    });
    await db.insert(cases).values(rows);
  }
  await db.execute(sql`analyze cases`);
  console.log(`seeded ${n} cases in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

/** EXPLAIN ANALYZE of the match the route runs for a query type, and whether an index serves it. */
async function explainMatch(db: Db, kind: DbKind, type: 'one_char' | 'fuzzy', text: string, threshold = 0.4) {
  const plan = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`);
    const match = type === 'one_char' ? sql`search_vector @@ to_tsquery('simple', ${`'${text}':*`})` : sql`${text} <% search_words`;
    // The forced plan leaves the status out, or the planner would take the status index instead.
    const explain = async (status = true) => {
      const where = sql`${status ? sql`status = 'published' and ` : sql``}${match}`;
      const query = type === 'one_char' ? sql`select count(*) from cases where ${where}` : sql`select id from cases where ${where} limit ${FUZZY_CANDIDATES}`;
      const res = await tx.execute(sql`explain (analyze, costs off) ${query}`);
      return (res as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n');
    };
    const chosen = await explain();
    // Whether the index can serve it at all: the plan with sequential scans priced out.
    await tx.execute(sql`set local enable_seqscan = off`);
    return { chosen, forced: await explain(false) };
  });
  const served = (p: string) => /Bitmap Index Scan on cases_search_(vector|words_trgm)_idx/.test(p);
  const ms = (p: string) => /Execution Time: ([\d.]+) ms/.exec(p)?.[1] ?? '?';
  console.log(`PLAN query=${type} db=${kind} q=${text} index=${served(plan.chosen) ? 'yes' : 'no'} execution_ms=${ms(plan.chosen)} index_usable=${served(plan.forced) ? 'yes' : 'no'} forced_index_ms=${ms(plan.forced)}`);
  const plan_ = plan.chosen;
  console.log(plan_.split('\n').map((l) => `    ${l}`).join('\n'));
}

async function runOn(kind: DbKind, o: Options) {
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = o.postgres;
  const t = await makeTestApp(kind);
  try {
    const db = t.database.db;
    await seedAccounts(db);
    await seed(db, o.cases);
    const client = await login(t.app, 'hangzhou', PASSWORD);
    for (const [type, queries] of Object.entries(QUERIES)) {
      const url = (q: string) => `/api/v1/cases?q=${encodeURIComponent(q)}&pageSize=20`;
      // Warm-up: each query three times (plans, caches, jieba).
      for (const q of queries) await client.request('GET', url(q));
      const times: number[] = [];
      const hits: number[] = [];
      const modes = new Set<string>();
      const jobs = queries.flatMap((q) => Array.from({ length: o.rounds }, () => q));
      let next = 0;
      const worker = async () => {
        while (next < jobs.length) {
          const q = jobs[next++] as string;
          const started = performance.now();
          const res = await client.request('GET', url(q));
          times.push(performance.now() - started);
          if (res.statusCode !== 200) throw new Error(`${url(q)}: ${res.statusCode} ${res.body}`);
          const body = res.json() as { total: number; mode: string };
          hits.push(body.total);
          modes.add(body.mode);
        }
      };
      await Promise.all(Array.from({ length: o.concurrency }, worker));
      times.sort((a, b) => a - b);
      const meanHits = hits.reduce((a, b) => a + b, 0) / hits.length;
      console.log(
        `RESULT query=${type} db=${kind} cases=${o.cases} requests=${times.length} concurrency=${o.concurrency} p50_ms=${percentile(times, 50).toFixed(1)} p95_ms=${percentile(times, 95).toFixed(1)} mean_hits=${meanHits.toFixed(0)} modes=${[...modes].join('+')}`,
      );
    }
    for (const q of QUERIES.one_char!) await explainMatch(db, kind, 'one_char', q);
    for (const q of ['鲲朋计算', '工业互连网']) await explainMatch(db, kind, 'fuzzy', q, 0.4);
  } finally {
    await t.close();
  }
}

const options = parse(process.argv.slice(2));
for (const kind of options.databases) await runOn(kind, options);
