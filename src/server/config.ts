import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… selects PostgreSQL; empty selects the embedded PGlite. */
  databaseUrl: string | undefined;
  /** PGlite data folder. */
  dataDir: string;
  /** Attachments live here, outside the web root, under content-hash names. */
  uploadDir: string;
  maxUploadBytes: number;
  sessionTtlHours: number;
  /** Secure cookies need HTTPS; on by default in production. */
  secureCookies: boolean;
  loadDemoData: boolean;
  webRoot: string;
  logLevel: string;
  /** On SIGTERM/SIGINT, how long requests in flight may take before their connections are cut. */
  shutdownGraceMs: number;
  /** Run a full garbage collection when the resident set has grown by this many MB (0: never). */
  memoryReclaimMb: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (sign-in throttling, audit):
   * none by default; TRUST_PROXY=true (every hop), a hop count, or addresses/CIDRs separated by commas.
   */
  trustProxy: boolean | number | string;
}

export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataRoot = resolve(env.DATA_DIR ?? '.data');
  // Demo data by default on the embedded database only; on PostgreSQL ask for it with DEMO_DATA=true.
  const demo = env.DEMO_DATA ? env.DEMO_DATA === 'true' : !env.DATABASE_URL;
  return {
    port: Number(env.PORT ?? 3000),
    // With demo data (whose passwords the README prints) only this machine can reach it, unless HOST says otherwise.
    host: env.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.PGLITE_DIR ?? resolve(dataRoot, 'pglite')),
    uploadDir: resolve(env.UPLOAD_DIR ?? resolve(dataRoot, 'uploads')),
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    loadDemoData: demo,
    webRoot: resolve(env.WEB_ROOT ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    shutdownGraceMs: Number(env.SHUTDOWN_GRACE_MS ?? 8000),
    memoryReclaimMb: Number(env.MEMORY_RECLAIM_MB ?? 64),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
