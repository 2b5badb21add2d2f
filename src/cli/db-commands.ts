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
 */
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '../db/client.js';
import { organisations } from '../db/schema.js';
import { createOrganisation, createUser, deleteSessionsOf, findUserByUsername, hashPassword, updateUser } from '../features/accounts/accounts.queries.js';
import { appendAuditRecord, auditCsv, exportRecords, pruneAuditLog, verifyAuditChain } from '../features/audit/public.js';
import { loadConfig } from '../server/config.js';
import { passwordProblems } from '../shared/permissions/account-rules.js';
import { ADMINISTRATOR_ROLES, isAdministratorRole, type Role } from '../shared/roles/roles.js';
import type { CliIo } from './main.js';

export const DB_COMMANDS = ['audit-verify', 'audit-prune', 'audit-export', 'create-admin', 'admin-password'] as const;
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
        return await createAdmin(database, flags, io, env);
      case 'admin-password':
        return await adminPassword(database, flags, io, env);
    }
  } catch (e) {
    io.err(`失败 Failed: ${(e as Error).message}`);
    return 2;
  } finally {
    await database.close();
  }
}

function passwordFromEnv(env: NodeJS.ProcessEnv, username: string, io: CliIo): string | null {
  const password = env.ADMIN_PASSWORD ?? '';
  const problems = passwordProblems(password, username);
  if (problems.length) {
    io.err(`ADMIN_PASSWORD 不符合口令规则 does not meet the password rules: ${problems.join(', ')}`);
    return null;
  }
  return password;
}

async function createAdmin(database: Database, flags: Map<string, string | true>, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
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
  const password = passwordFromEnv(env, username, io);
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

async function adminPassword(database: Database, flags: Map<string, string | true>, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
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
  const password = passwordFromEnv(env, username, io);
  if (!password) return 2;
  await updateUser(database.db, user.id, { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null, active: true });
  await deleteSessionsOf(database.db, user.id);
  await recordCli(database.db, 'write', 'admin-password', { objectId: user.id, after: { username, passwordReset: true, locked: false, active: true } });
  io.out(`已重置 ${username} 的口令并解锁 Password set and account unlocked: ${username}`);
  return 0;
}
