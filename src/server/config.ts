import { resolve } from 'node:path';
import { parseDataProtection, type DataProtection } from '../kernel/field-crypto.js';
import { MIN_AUDIT_RETENTION_MONTHS, parseRetentionMonths } from '../shared/audit/audit-events.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../shared/identity/password-policy.js';
import { DEFAULT_SESSION_POLICY, parseTotpRoles, type SessionPolicy } from '../shared/identity/sessions.js';
import { ROLES } from '../shared/roles/roles.js';

export interface Config {
  port: number;
  host: string;
  /** postgres://… selects PostgreSQL; empty selects the embedded PGlite. */
  databaseUrl: string | undefined;
  /** PGlite data folder. */
  dataDir: string;
  /** Audit records that could not be appended wait here for the next append or start (src/features/audit/audit-spool.ts). */
  auditSpoolDir: string;
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
  /** Strict-Transport-Security: in production (NODE_ENV=production) unless HSTS=false; HSTS=true forces it. */
  hsts: boolean;
  /** Months the audit log is kept before `audit-prune` may remove records: AUDIT_RETENTION_MONTHS, at least 6. */
  auditRetentionMonths: number;
  /**
   * Identification and authentication (等保 2.0 level 3 defaults): PASSWORD_MIN_LENGTH (8),
   * PASSWORD_MIN_CLASSES (3 of 4), PASSWORD_MAX_AGE_DAYS (90; 0 never), PASSWORD_HISTORY (5),
   * LOGIN_MAX_FAILURES (5), LOGIN_LOCK_MINUTES (15), SESSION_IDLE_MINUTES (15) and TOTP_REQUIRED_ROLES
   * (provincial and ministry roles; comma-separated roles, or "none").
   */
  identity: { password: PasswordPolicy; session: SessionPolicy };
  /**
   * Keys of personal data at rest and of the key records' integrity MACs (src/kernel/field-crypto.ts):
   * DATA_KEYS (`kid:hex,…`, 16-byte SM4 keys, the first encrypts) or DATA_KEY, BLIND_INDEX_KEY, INTEGRITY_KEY.
   * Production without demo data refuses to start without them; otherwise the development keys apply.
   */
  dataProtection: DataProtection;
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
    auditSpoolDir: resolve(env.AUDIT_SPOOL_DIR ?? resolve(dataRoot, 'audit-spool')),
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : env.NODE_ENV === 'production',
    loadDemoData: demo,
    webRoot: resolve(env.WEB_ROOT ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    shutdownGraceMs: Number(env.SHUTDOWN_GRACE_MS ?? 8000),
    memoryReclaimMb: Number(env.MEMORY_RECLAIM_MB ?? 64),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    hsts: env.HSTS ? env.HSTS === 'true' : env.NODE_ENV === 'production',
    auditRetentionMonths: auditRetention(env.AUDIT_RETENTION_MONTHS),
    identity: identityPolicy(env),
    dataProtection: parseDataProtection(env, env.NODE_ENV === 'production' && !demo),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number, at least ${min} (got ${raw})`);
  return n;
}

/** The identity rules from the environment; a setting weaker than makes sense is refused, not raised. */
export function identityPolicy(env: NodeJS.ProcessEnv): Config['identity'] {
  const p = DEFAULT_PASSWORD_POLICY;
  const s = DEFAULT_SESSION_POLICY;
  const minClasses = whole(env, 'PASSWORD_MIN_CLASSES', p.minClasses, 1);
  if (minClasses > 4) throw new Error(`PASSWORD_MIN_CLASSES must be at most 4 (got ${minClasses})`);
  return {
    password: {
      minLength: whole(env, 'PASSWORD_MIN_LENGTH', p.minLength, 8),
      minClasses,
      maxAgeDays: whole(env, 'PASSWORD_MAX_AGE_DAYS', p.maxAgeDays, 0),
      historySize: whole(env, 'PASSWORD_HISTORY', p.historySize, 1),
    },
    session: {
      maxFailures: whole(env, 'LOGIN_MAX_FAILURES', s.maxFailures, 1),
      lockMinutes: whole(env, 'LOGIN_LOCK_MINUTES', s.lockMinutes, 1),
      idleMinutes: whole(env, 'SESSION_IDLE_MINUTES', s.idleMinutes, 1),
      totpRoles: parseTotpRoles(env.TOTP_REQUIRED_ROLES, ROLES),
    },
  };
}

/** The audit log's retention: a configuration below six months is refused, not quietly raised. */
function auditRetention(value: string | undefined): number {
  const months = parseRetentionMonths(value);
  if (months === null) {
    throw new Error(`AUDIT_RETENTION_MONTHS must be a whole number of months, at least ${MIN_AUDIT_RETENTION_MONTHS} (got ${value})`);
  }
  return months;
}
