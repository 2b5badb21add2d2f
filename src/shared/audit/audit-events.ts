/**
 * What the audit log records, and how a request is classified: pure rules shared by the server's
 * audit hook (src/features/audit) and the audit page's filters and labels.
 *
 * Recorded: every sign-in and sign-out (success and failure), every refusal (4xx) and server error
 * of any request, every change (POST, PUT, PATCH, DELETE: creations, edits, transitions), every
 * export and download (a response sent as an attachment), and every request to the audit log
 * itself. Successful reads are not recorded: they change nothing and would drown the rest.
 *
 * Only the API (/api/v1) is recorded. The public portal's pages and feeds (/portal, no sign-in) are
 * not, their 404s included: the portal is open to everyone, so a 404 there ("no such published page")
 * refuses no authority, and recording it would let any anonymous caller grow the chain without limit.
 * The portal's publishing API for the ministry (/api/v1/portal/…) is recorded like every other route.
 */

export const AUDIT_ACTIONS = ['sign_in', 'sign_out', 'read', 'write', 'export', 'download', 'audit', 'checkpoint'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, { zh: string; en: string }> = {
  sign_in: { zh: '登录', en: 'Sign-in' },
  sign_out: { zh: '退出', en: 'Sign-out' },
  read: { zh: '查看（被拒绝）', en: 'Read (refused)' },
  write: { zh: '新建、修改、流转', en: 'Create, edit, transition' },
  export: { zh: '导出', en: 'Export' },
  download: { zh: '下载文件', en: 'File download' },
  audit: { zh: '审计日志查阅与校验', en: 'Audit log read or verified' },
  checkpoint: { zh: '保留期清理检查点', en: 'Retention checkpoint' },
};

export const AUDIT_OUTCOMES = ['success', 'failure', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, { zh: string; en: string }> = {
  success: { zh: '成功', en: 'Success' },
  failure: { zh: '失败或被拒绝', en: 'Failed or refused' },
  error: { zh: '服务器错误', en: 'Server error' },
};

export function outcomeOf(status: number): AuditOutcome {
  if (status >= 500) return 'error';
  if (status >= 400) return 'failure';
  return 'success';
}

export interface AuditedRequest {
  method: string;
  /** The route pattern under the API prefix (e.g. /api/v1/applications/:id), or the path when none matched. */
  route: string;
  status: number;
  /** The response is sent as an attachment (Content-Disposition: attachment). */
  attachment: boolean;
  /** The response streams a stored file (an upload) rather than a generated document. */
  storedFile: boolean;
}

export const API_PREFIX = '/api/v1';
const SIGN_IN = `${API_PREFIX}/auth/login`;
const SIGN_OUT = `${API_PREFIX}/auth/logout`;
const WHO_AM_I = `${API_PREFIX}/auth/me`;
const AUDIT_ROUTES = `${API_PREFIX}/audit`;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether and as what a request is recorded; null: not recorded. */
export function classifyRequest(r: AuditedRequest): { action: AuditAction; outcome: AuditOutcome } | null {
  // Outside the API: the web app's files and the public portal (see above).
  if (!r.route.startsWith(`${API_PREFIX}/`)) return null;
  const outcome = outcomeOf(r.status);
  const method = r.method.toUpperCase();
  if (r.route === SIGN_IN && method === 'POST') return { action: 'sign_in', outcome };
  if (r.route === SIGN_OUT && method === 'POST') return { action: 'sign_out', outcome };
  // The web app asks "who am I" on every start; a 401 there is the sign-in page, not a refusal.
  if (r.route === WHO_AM_I && method === 'GET' && r.status === 401) return null;
  if (r.route === AUDIT_ROUTES || r.route.startsWith(`${AUDIT_ROUTES}/`)) return { action: r.attachment && outcome === 'success' ? 'export' : 'audit', outcome };
  if (!SAFE_METHODS.has(method)) return { action: 'write', outcome };
  if (r.attachment && outcome === 'success') return { action: r.storedFile ? 'download' : 'export', outcome };
  if (outcome !== 'success') return { action: 'read', outcome };
  return null;
}

/** What the route is about: the first path segment after the prefix (applications, pilots, admin/users …). */
export function objectTypeOf(route: string): string | null {
  if (!route.startsWith(`${API_PREFIX}/`)) return null;
  const segments = route.slice(API_PREFIX.length + 1).split('/').filter((s) => s && !s.startsWith(':'));
  if (segments.length === 0) return null;
  return segments[0] === 'admin' && segments[1] ? `admin/${segments[1]}` : segments[0]!;
}

const SECRET_KEY = /password|passwd|secret|token|totp|^otp$/i;
/** Personal data (docs/security.md): kept masked, so the log shows that it changed but not what it is. */
const PERSONAL_KEY = /phone|mobile|email|e_mail|idnumber|id_number|idcard|身份证|手机|电话|邮箱/i;

/** 13812345678 → 138****5678; li.ming@example.cn → l***@example.cn; anything else keeps only its length. */
export function maskPersonal(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `[${value.length}]`;
}
const MAX_STRING = 200;
const MAX_KEYS = 40;

/**
 * A request body as the log keeps it: secrets replaced, long strings cut, nested objects and lists
 * summarised (a whole plan is kept in the plan's own versions, not here).
 */
export function summariseBody(body: unknown): unknown {
  if (body === null || body === undefined) return null;
  if (typeof body !== 'object') return summariseValue('', body, 0);
  if (Array.isArray(body)) return `[${body.length}]`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>).slice(0, MAX_KEYS)) out[k] = summariseValue(k, v, 0);
  return out;
}

function summariseValue(key: string, v: unknown, depth: number): unknown {
  if (SECRET_KEY.test(key) && v !== undefined && v !== null && typeof v !== 'boolean') return '[redacted]';
  if (v === null || v === undefined) return null;
  if (PERSONAL_KEY.test(key) && (typeof v === 'string' || typeof v === 'number')) return maskPersonal(String(v));
  if (typeof v === 'string') return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…(${v.length})` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length <= 10 && v.every((x) => typeof x !== 'object' || x === null) ? v.map((x) => summariseValue(key, x, depth + 1)) : `[${v.length}]`;
  if (typeof v === 'object') {
    if (depth >= 1) return `{${Object.keys(v).length}}`;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>).slice(0, MAX_KEYS)) out[k] = summariseValue(k, x, depth + 1);
    return out;
  }
  return String(v);
}

/**
 * What a handler noted for the log (old and new values, details) as the log keeps it: the same
 * structure, with secrets replaced and personal data masked at any depth (a contact's phone inside a
 * plan's cover, an account's e-mail in its new values). Deeper than 8 levels is summarised.
 */
export function redactNoted(value: unknown, key = '', depth = 0): unknown {
  if (SECRET_KEY.test(key) && value !== undefined && value !== null && typeof value !== 'boolean') return '[redacted]';
  if (value === null || value === undefined) return value ?? null;
  if (PERSONAL_KEY.test(key) && (typeof value === 'string' || typeof value === 'number')) return maskPersonal(String(value));
  if (typeof value !== 'object' || value instanceof Date) return value;
  if (depth >= 8) return Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`;
  if (Array.isArray(value)) return value.map((x) => redactNoted(x, key, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactNoted(v, k, depth + 1)]));
}

/**
 * The months the audit log is kept: at least six (等保 2.0 level 3, and 《网络安全法》 Art. 21), more
 * when configured. Returns null for a value that is not a whole number of at least 6.
 */
export const MIN_AUDIT_RETENTION_MONTHS = 6;
export function parseRetentionMonths(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return MIN_AUDIT_RETENTION_MONTHS;
  const n = Number(value);
  return Number.isInteger(n) && n >= MIN_AUDIT_RETENTION_MONTHS && n <= 1200 ? n : null;
}

/** The instant before which records may be pruned: `months` calendar months before `now` (UTC). */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
