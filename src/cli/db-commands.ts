/**
 * Commands on the platform's database, for the deployment's operator (the same DATABASE_URL, or on
 * PGlite the same data folder — stop the server first there, PGlite admits one process):
 *
 *   audit-verify              checks the whole SM3 chain; exit 0 intact, 1 broken (names the first
 *                             broken record), 2 the database cannot be opened
 *   audit-prune               removes records older than AUDIT_RETENTION_MONTHS (≥ 6), leaving a checkpoint
 *   audit-export [--out F]    the whole log as CSV (stdout, or the file F)
 *   create-admin --role R --username U --name N [--organisation O]
 *                             appoints a system, security or audit administrator (三权分立): the only way
 *                             to create the latter two; the password comes from ADMIN_PASSWORD
 *   admin-password --username U
 *                             sets an administrator's password from ADMIN_PASSWORD and unlocks the account
 *                             (both under the identity password policy, the breached list and the history)
 *   encrypt-data              seals with SM4 the personal data still stored as plaintext (also done at start-up)
 *   rotate-data-key [--batch N]
 *                             re-seals every personal-data field under the first key of DATA_KEYS, in
 *                             batches, resumable; afterwards the older keys can be removed
 *   integrity-verify          recomputes the SM3-HMAC seal of every key record; exit 0 intact, 1 naming
 *                             the first altered or deleted record
 *   integrity-seal            seals the key records that have no seal yet (written before sealing existed)
 */
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '../db/client.js';
import { organisations } from '../db/schema.js';
import { createOrganisation, createUser, deleteSessionsOf, findUserByUsername, updateUser } from '../features/accounts/accounts.queries.js';
import { appendAuditRecord, auditCsv, exportRecords, pruneAuditLog, verifyAuditChain } from '../features/audit/public.js';
import { refuseWeakPassword, setPassword } from '../features/auth/public.js';
import { AppError, errorBody } from '../kernel/app-error.js';
import { configureDataProtection } from '../kernel/field-crypto.js';
import { sealUnsealedRecords, verifyRecordIntegrity } from '../kernel/record-integrity.js';
import { sealAllFields, sealedCensus, type SealReport } from '../kernel/sealed-fields.js';
import { loadConfig, type Config } from '../server/config.js';
import type { PasswordPolicy } from '../shared/identity/password-policy.js';
import { ADMINISTRATOR_ROLES, isAdministratorRole, type Role } from '../shared/roles/roles.js';
import type { CliIo } from './main.js';

export const DB_COMMANDS = ['audit-verify', 'audit-prune', 'audit-export', 'create-admin', 'admin-password', 'encrypt-data', 'rotate-data-key', 'integrity-verify', 'integrity-seal'] as const;
export type DbCommand = (typeof DB_COMMANDS)[number];

const REASONS: Record<string, string> = {
  altered: '记录内容被修改 the record’s content was changed',
  missing: '记录缺失（被删除）the record is missing (deleted)',
  out_of_order: '记录顺序被改动或有记录被插入、删除 the record does not follow its predecessor (moved, inserted or deleted)',
  tail_missing: '链尾记录缺失 the last records are missing',
  head_missing: '链头缺失 the chain head is missing',
};

/** The operator's own actions go into the log too, as the command line's. */
async function recordCli(db: Database['db'], action: 'write' | 'audit' | 'export', route: string, details: Record<string, unknown>) {
  await appendAuditRecord(db, {
    actorId: null,
    username: `cli:${process.env.USER ?? 'operator'}`,
    role: null,
    ip: null,
    method: 'CLI',
    route,
    action,
    outcome: 'success',
    status: 0,
    objectType: null,
    objectId: null,
    details,
  });
}

export async function runDbCommand(command: DbCommand, flags: Map<string, string | true>, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  configureDataProtection(config.dataProtection);
  let database: Database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    await migrateDatabase(database);
  } catch (e) {
    io.err(`无法打开数据库 Cannot open the database: ${(e as Error).message}`);
    return 2;
  }
  try {
    switch (command) {
      case 'audit-verify': {
        const v = await verifyAuditChain(database.db);
        if (v.ok) {
          io.out(`审计日志完整 The audit chain is intact: ${v.checked} records, #${v.startSeq}–#${v.headSeq}, head ${v.headHash}`);
          return 0;
        }
        const b = v.broken!;
        io.err(`审计日志被篡改 The audit chain is broken at record #${b.seq}${b.id ? ` (${b.id})` : ''}: ${REASONS[b.reason] ?? b.reason}`);
        io.err(`  ${v.checked} records before it are intact; head #${v.headSeq ?? '?'}`);
        return 1;
      }
      case 'audit-prune': {
        const r = await pruneAuditLog(database.db, { retentionMonths: config.auditRetentionMonths });
        io.out(
          r.pruned === 0
            ? `无超过保留期（${config.auditRetentionMonths} 个月）的记录 Nothing older than ${config.auditRetentionMonths} months`
            : `已清理 ${r.pruned} 条超过 ${config.auditRetentionMonths} 个月的记录，检查点 #${r.checkpoint!.seq} Pruned ${r.pruned} records; checkpoint #${r.checkpoint!.seq}`,
        );
        return 0;
      }
      case 'audit-export': {
        const records = await exportRecords(database.db, {});
        const csv = auditCsv(records);
        const out = flags.get('out');
        await recordCli(database.db, 'export', 'audit-export', { rows: records.length, out: typeof out === 'string' ? out : 'stdout' });
        if (typeof out === 'string') {
          writeFileSync(out, csv);
          io.err(`${records.length} records → ${out}`);
        } else io.out(csv.toString('utf8'));
        return 0;
      }
      case 'create-admin':
        return await createAdmin(database, flags, io, env, config.identity.password);
      case 'admin-password':
        return await adminPassword(database, flags, io, env, config.identity.password);
      case 'encrypt-data':
      case 'rotate-data-key':
        return await sealData(database, command === 'rotate-data-key' ? 'rotate' : 'plaintext', flags, io, config);
      case 'integrity-verify': {
        const r = await verifyRecordIntegrity(database.db);
        const unsealed = Object.entries(r.unsealed).map(([k, n]) => `${k} ${n}`);
        if (r.ok) {
          io.out(`关键记录完整 Key records intact: ${r.checked} seals checked${unsealed.length ? `; 尚未加封 not yet sealed: ${unsealed.join(', ')} (integrity-seal)` : ''}`);
          return 0;
        }
        const f = r.first!;
        io.err(
          `关键记录被篡改 Key record ${f.reason === 'deleted' ? 'deleted' : 'altered'}: ${f.kind} ${f.key} (${f.label}) — ${f.reason === 'deleted' ? '已加封的记录不存在 the sealed record is gone' : '内容与完整性校验值不符 its content no longer matches its SM3-HMAC seal'}`,
        );
        io.err(`  ${r.problems} of ${r.checked} seals fail`);
        return 1;
      }
      case 'integrity-seal': {
        const sealed = await sealUnsealedRecords(database.db);
        const list = Object.entries(sealed).map(([k, n]) => `${k} ${n}`);
        await recordCli(database.db, 'write', 'integrity-seal', { sealed });
        io.out(list.length ? `已加封 Sealed: ${list.join(', ')}` : '无未加封的关键记录 Every key record is sealed already');
        return 0;
      }
    }
  } catch (e) {
    io.err(`失败 Failed: ${(e as Error).message}`);
    return 2;
  } finally {
    await database.close();
  }
}

/** The refusal of a password as the command line prints it: the code and both messages. */
function passwordRefusal(e: unknown, io: CliIo): boolean {
  if (!(e instanceof AppError)) return false;
  const { error } = errorBody(e.code, e.details);
  const problems = (e.details as { problems?: string[] } | undefined)?.problems ?? [];
  io.err(`ADMIN_PASSWORD 不符合口令规则 does not meet the password rules: ${e.code} ${problems.length > 1 ? `(${problems.join(', ')}) ` : ''}— ${error.message['zh-CN']} ${error.message['en-US']}`);
  return true;
}

/** The password from ADMIN_PASSWORD, checked under the identity policy (length, classes, user name, breached list). */
function passwordFromEnv(env: NodeJS.ProcessEnv, username: string, io: CliIo, policy: PasswordPolicy): string | null {
  const password = env.ADMIN_PASSWORD ?? '';
  try {
    refuseWeakPassword(password, username, policy);
  } catch (e) {
    if (passwordRefusal(e, io)) return null;
    throw e;
  }
  return password;
}

async function sealData(database: Database, mode: 'plaintext' | 'rotate', flags: Map<string, string | true>, io: CliIo, config: Config): Promise<number> {
  const batchFlag = flags.get('batch');
  const batchSize = typeof batchFlag === 'string' ? Number(batchFlag) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    io.err('用法 Usage: rotate-data-key [--batch N]  (N a whole number ≥ 1)');
    return 2;
  }
  const p = config.dataProtection;
  if (p.development) io.err('注意：使用开发密钥（非机密）Note: the DEVELOPMENT keys are in use (not secret); set DATA_KEYS, BLIND_INDEX_KEY, INTEGRITY_KEY');
  io.err(`当前数据密钥 Current data key: ${p.currentKid} (of ${[...p.dataKeys.keys()].join(', ')})`);
  const line = (r: SealReport) => `${r.field} (${r.table}): 加密 sealed ${r.sealed}, 换钥 re-sealed ${r.resealed}, 并发修改跳过 skipped ${r.skipped}, 无法解密 unreadable ${r.unreadable}`;
  const reports = await sealAllFields(database.db, { mode, batchSize, onBatch: (r) => io.err(`  … ${line(r)}`) });
  for (const r of reports) io.out(line(r));
  const census = await sealedCensus(database.db);
  const left = census.filter((c) => c.plaintext > 0 || Object.keys(c.byKey).some((k) => k !== p.currentKid));
  const total = reports.reduce((n, r) => ({ sealed: n.sealed + r.sealed, resealed: n.resealed + r.resealed, unreadable: n.unreadable + r.unreadable }), { sealed: 0, resealed: 0, unreadable: 0 });
  await recordCli(database.db, 'write', mode === 'rotate' ? 'rotate-data-key' : 'encrypt-data', { currentKid: p.currentKid, ...total });
  if (total.unreadable > 0) {
    io.err(`有 ${total.unreadable} 个值无法解密（密钥未配置或密文被改动），未处理 ${total.unreadable} values do not open (key not configured, or altered) and were left as they are`);
    return 1;
  }
  if (mode === 'rotate' && left.length > 0) {
    io.err(`仍有未换钥的值，请再次运行 Values not yet under ${p.currentKid} remain (edited meanwhile?): run it again — ${left.map((c) => c.field).join(', ')}`);
    return 1;
  }
  io.out(mode === 'rotate' ? `全部个人信息已使用密钥 ${p.currentKid} 加密；旧密钥可移除 Every value is under ${p.currentKid}; older keys can be removed` : '个人信息均已加密 Every personal-data value is sealed');
  return 0;
}

async function createAdmin(database: Database, flags: Map<string, string | true>, io: CliIo, env: NodeJS.ProcessEnv, policy: PasswordPolicy): Promise<number> {
  const role = flags.get('role');
  const username = flags.get('username');
  const name = flags.get('name');
  if (typeof role !== 'string' || !isAdministratorRole(role as Role) || typeof username !== 'string' || typeof name !== 'string') {
    io.err(`用法 Usage: create-admin --role ${ADMINISTRATOR_ROLES.join('|')} --username U --name N [--organisation O]  (password in ADMIN_PASSWORD)`);
    return 2;
  }
  if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username)) {
    io.err('用户名格式不正确 The user name must be 3–40 of a–z, 0–9, . _ -');
    return 2;
  }
  const password = passwordFromEnv(env, username, io, policy);
  if (!password) return 2;
  const db = database.db;
  if (await findUserByUsername(db, username)) {
    io.err(`用户名已被使用 That user name is taken: ${username}`);
    return 2;
  }
  const orgName = typeof flags.get('organisation') === 'string' ? (flags.get('organisation') as string) : '平台运维中心';
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, orgName)).limit(1);
  const organisationId = org?.id ?? (await createOrganisation(db, { name: orgName, kind: 'platform', divisionCode: '110000' }));
  const id = await createUser(db, { username, password, displayName: name, role: role as Role, organisationId });
  await recordCli(db, 'write', 'create-admin', { after: { id, username, role, displayName: name, organisationId } });
  io.out(`已创建 Created ${role} ${username} (${id})`);
  return 0;
}

async function adminPassword(database: Database, flags: Map<string, string | true>, io: CliIo, env: NodeJS.ProcessEnv, policy: PasswordPolicy): Promise<number> {
  const username = flags.get('username');
  if (typeof username !== 'string') {
    io.err('用法 Usage: admin-password --username U  (password in ADMIN_PASSWORD)');
    return 2;
  }
  const user = await findUserByUsername(database.db, username);
  if (!user || !isAdministratorRole(user.role as Role)) {
    io.err(`没有该管理员账号 No administrator account ${username}`);
    return 2;
  }
  const password = passwordFromEnv(env, username, io, policy);
  if (!password) return 2;
  // The whole identity rule, the last passwords included; it also clears the failures and the lock.
  try {
    await setPassword(database.db, user.id, password, policy, { temporary: false, now: new Date() });
  } catch (e) {
    if (passwordRefusal(e, io)) return 2;
    throw e;
  }
  await updateUser(database.db, user.id, { active: true });
  await deleteSessionsOf(database.db, user.id);
  await recordCli(database.db, 'write', 'admin-password', { objectId: user.id, after: { username, passwordReset: true, locked: false, active: true } });
  io.out(`已重置 ${username} 的口令并解锁 Password set and account unlocked: ${username}`);
  return 0;
}
