/**
 * Command line for the plan tools, with no server or database:
 *
 *   npm run cli -- check-plan FILE.json [--json] [--lang en-US]
 *   npm run cli -- parse-target "<wording>" [--year 2016]
 *   npm run cli -- attainment FILE.json
 *   npm run cli -- dossier-verify FILE.zip   (a downloaded 完整档案: exit 0 intact, 1 any mismatch, 2 unreadable)
 *   npm run cli -- audit-verify | audit-prune | audit-export [--out F] | create-admin … | admin-password …
 *   npm run cli -- encrypt-data | rotate-data-key [--batch N] | integrity-verify | integrity-seal
 *     (on the platform's database; see db-commands.ts)
 *   npm run cli -- backup --out DIR | restore --from DIR | backup-verify --from DIR  (see backup.ts)
 *
 * check-plan exits 0 when nothing blocks submission, 1 when something does, 2 when the file cannot
 * be read, is not JSON or does not match the exchange format (docs/plan-format.md). attainment prints
 * each target's required value per year, progress, status and projection as JSON (exit 0), or exits
 * 2 when the file cannot be read or does not match docs/attainment-format.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attainmentReport } from '../shared/monitoring/attainment-report';
import { checkPlan, hasBlocking, type Finding } from '../shared/plan/checker';
import { parseTargetWording } from '../shared/plan/parse-target';
import { planSchema } from '../shared/plan/plan-schema';
import { BACKUP_COMMANDS, runBackupCommand, type BackupCommand } from './backup';
import { DB_COMMANDS, runDbCommand, type DbCommand } from './db-commands';
import { dossierVerifyCommand } from './dossier-verify';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `用法 Usage:
  check-plan FILE.json [--json] [--lang zh-CN|en-US]
      检查实施方案 JSON 文件 Check a plan file (exit 0: no blocking finding, 1: blocking findings, 2: unreadable or invalid file)
  parse-target "<目标表述 wording>" [--year 申报年度 application year]
      解析目标表述 Parse a target's wording into structured fields (JSON)
  attainment FILE.json
      计算目标完成情况 Attainment of each target per year: required value, progress, status, projection (JSON; docs/attainment-format.md)
  dossier-verify FILE.zip
      校验完整档案 Recompute every file's SHA-256 in a dossier zip against its manifest.json (exit 0: intact, 1: missing, extra or changed files named, 2: unreadable)

On the platform's database (DATABASE_URL, or the PGlite folder with the server stopped):
  audit-verify
      校验审计日志 SM3 哈希链 Verify the audit log's SM3 chain (exit 0: intact, 1: broken, names the first broken record)
  audit-prune
      清理超过保留期的审计记录 Prune records older than AUDIT_RETENTION_MONTHS (at least 6), leaving a checkpoint
  audit-export [--out FILE.csv]
      导出审计日志 Export the whole audit log as CSV
  create-admin --role platform_admin|security_admin|audit_admin --username U --name N [--organisation O]
      任命管理员（三权分立）Appoint an administrator; the password is read from ADMIN_PASSWORD
  admin-password --username U
      重置管理员口令并解锁 Set an administrator's password from ADMIN_PASSWORD and unlock the account
  encrypt-data
      加密存量个人信息 Seal with SM4 the personal data still stored as plaintext (the server does it at start-up too)
  rotate-data-key [--batch N]
      更换数据密钥 Re-seal all personal data under the first key of DATA_KEYS, in batches, resumable; then older keys can go
  integrity-verify
      校验关键记录完整性 Check the SM3-HMAC seal of every key record (exit 0: intact, 1: names the first altered or deleted one)
  integrity-seal
      为存量关键记录加封 Seal the key records written before sealing existed
  backup --out DIR
      备份 Back up the database (pg_dump, or the PGlite folder with the server stopped), the attachments and a manifest
  restore --from DIR
      恢复到空库并校验 Restore into an EMPTY database and upload folder, then verify (row counts, audit chain, file digests)
  backup-verify --from DIR
      按备份清单校验 Verify the database and upload folder against a backup's manifest (exit 1 on any mismatch)`;

type Lang = 'zh-CN' | 'en-US';

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(name, inline);
    else if (name !== 'json' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(name, argv[++i]!);
    else flags.set(name, true);
  }
  return { positional, flags };
}

function formatFinding(f: Finding, lang: Lang): string {
  const severity = f.severity === 'blocking' ? (lang === 'zh-CN' ? '阻断' : 'BLOCKING') : lang === 'zh-CN' ? '提示' : 'warning';
  return `[${severity}] ${f.code}  ${f.path}\n    ${f.message[lang]}`;
}

function summary(findings: readonly Finding[], lang: Lang): string {
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  const warnings = findings.length - blocking;
  if (findings.length === 0) return lang === 'zh-CN' ? '未发现问题,可以提交。' : 'No findings: the plan can be submitted.';
  if (lang === 'zh-CN') {
    return `共 ${findings.length} 项:阻断 ${blocking} 项,提示 ${warnings} 项。${blocking > 0 ? '存在阻断问题,不能提交。' : '没有阻断问题,可以提交。'}`;
  }
  return `${findings.length} findings: ${blocking} blocking, ${warnings} warnings. ${blocking > 0 ? 'The plan cannot be submitted.' : 'The plan can be submitted.'}`;
}

/** Reads the JSON file named first on the command line; null (with the reason written) when it cannot. */
function readJsonArg(args: Args, io: CliIo): { file: string; json: unknown } | null {
  const file = args.positional[0];
  if (!file) {
    io.err(`缺少文件名 Missing FILE.json\n\n${USAGE}`);
    return null;
  }
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (e) {
    io.err(`无法读取文件 Cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
  try {
    return { file, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    io.err(`文件不是有效的 JSON The file is not valid JSON: ${file}\n  ${(e as Error).message}`);
    return null;
  }
}

function checkPlanCommand(args: Args, io: CliIo): number {
  const input = readJsonArg(args, io);
  if (!input) return 2;
  const { file, json } = input;
  const langFlag = args.flags.get('lang');
  const lang: Lang = langFlag === 'en-US' || langFlag === 'en' ? 'en-US' : 'zh-CN';
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`);
    io.err(`文件不符合实施方案交换格式 The file does not match the plan format (docs/plan-format.md): ${file}\n${lines.join('\n')}`);
    return 2;
  }
  const findings = checkPlan(parsed.data);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(findings, null, 2));
  } else {
    for (const f of findings) io.out(formatFinding(f, lang));
    io.out(summary(findings, lang));
  }
  return hasBlocking(findings) ? 1 : 0;
}

function parseTargetCommand(args: Args, io: CliIo): number {
  const wording = args.positional.join(' ');
  if (!wording.trim()) {
    io.err(`缺少目标表述 Missing the wording\n\n${USAGE}`);
    return 2;
  }
  const yearFlag = args.flags.get('year');
  let applicationYear: number | undefined;
  if (yearFlag !== undefined) {
    applicationYear = Number(yearFlag);
    if (yearFlag === true || !Number.isInteger(applicationYear) || applicationYear < 2015 || applicationYear > 2100) {
      io.err(`--year 应为申报年度,如 2016 --year must be an application year such as 2016`);
      return 2;
    }
  }
  const parsed = parseTargetWording(wording, applicationYear === undefined ? {} : { applicationYear });
  io.out(JSON.stringify(parsed, null, 2));
  return 0;
}

function attainmentCommand(args: Args, io: CliIo): number {
  const input = readJsonArg(args, io);
  if (!input) return 2;
  const result = attainmentReport(input.json);
  if (!result.ok) {
    const lines = result.issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`);
    io.err(`文件不符合完成情况输入格式 The file does not match the attainment input format (docs/attainment-format.md): ${input.file}\n${lines.join('\n')}`);
    return 2;
  }
  io.out(JSON.stringify(result.report, null, 2));
  return 0;
}

/** Runs the CLI with the arguments after the script name; returns the exit code (later, for database commands). */
export function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): number | Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  if ((DB_COMMANDS as readonly string[]).includes(command ?? '')) return runDbCommand(command as DbCommand, args.flags, io, env);
  if ((BACKUP_COMMANDS as readonly string[]).includes(command ?? '')) return runBackupCommand(command as BackupCommand, args.flags, io, env);
  switch (command) {
    case 'check-plan':
      return checkPlanCommand(args, io);
    case 'parse-target':
      return parseTargetCommand(args, io);
    case 'attainment':
      return attainmentCommand(args, io);
    case 'dossier-verify':
      return dossierVerifyCommand(args.positional, io);
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return 0;
    default:
      io.err(`${command ? `未知命令 Unknown command: ${command}` : '缺少命令 Missing command'}\n\n${USAGE}`);
      return 2;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const code = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }, process.env);
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
