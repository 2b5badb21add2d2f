/**
 * The one-click dossier 完整档案: an application's or a pilot's whole file as one zip — the plan as
 * Word and PDF in the official layout, the review record, the 批复, every progress report, the
 * evaluations and rectifications, every attachment and evidence file with its original bytes, the
 * history and the audit log of the object, and a manifest of SHA-256 digests (with 目录.txt). Built in
 * memory under a size guard; the scope is the object's (src/shared/permissions/dossier-scope.ts).
 */
import JSZip from 'jszip';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { renderFlowDocx, renderFlowPdf } from '../../kernel/documents/flow-document.js';
import { readBlob } from '../../kernel/blob-store.js';
import type { SessionUser } from '../../kernel/request-guards.js';
import {
  CATALOGUE_NAME,
  DOSSIER_MAX_BYTES,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  catalogueText,
  dossierTooLarge,
  manifestEntries,
  sha256Hex,
  uniquePaths,
  type DossierFile,
  type DossierManifest,
} from '../../shared/dossier/manifest.js';
import { decideApplicationDossier, decidePilotDossier, dossierHoldsPanelRecord, type DossierDecision } from '../../shared/permissions/dossier-scope.js';
import { applicationScope, getApplication, getIntake, listEvents, listProvincialReviews, type ApplicationRow } from '../applications/public.js';
import { renderApprovalReplyDocx, renderApprovalReplyPdf } from '../approvals/public.js';
import { auditCsv, recordsOfObjects } from '../audit/public.js';
import { reviewOverview } from '../ministry-review/public.js';
import { attachmentFilesOf } from '../attachments/public.js';
import { evaluationsOfPilot } from '../evaluations/public.js';
import { approvalData, cycleFilesOf, getPilotByApplication, listPilotEvents, visiblePilot, type PilotRow } from '../pilots/public.js';
import { reportsOfPilots, tasksOfReports, valuesOf } from '../progress-reports/public.js';
import { rectificationCasesOfPilot } from '../rectifications/public.js';
import { evaluationsDocument, historyCsv, planDocument, reportDocument, reviewRecordDocument, type HistoryRow } from './dossier.documents.js';

export interface DossierOptions {
  uploadDir: string;
  /** Generated documents and stored files together may not exceed this. */
  maxBytes?: number;
}

export interface BuiltDossier {
  zip: Buffer;
  filename: string;
  asciiFilename: string;
  manifest: DossierManifest;
}

function enforce(d: DossierDecision) {
  if (!d.ok) throw new AppError(d.reason);
}

/** The dossier of an application in the actor's scope (with its pilot's file once approved). */
export async function applicationDossier(db: Db, actor: SessionUser, id: string, now: Date, opts: DossierOptions): Promise<BuiltDossier> {
  const scoped = await applicationScope(db, id);
  if (!scoped) throw new AppError('NOT_FOUND');
  enforce(decideApplicationDossier(actor, scoped.scope));
  const app = await getApplication(db, id);
  if (!app) throw new AppError('NOT_FOUND');
  const pilotId = (await getPilotByApplication(db, app.id))?.id ?? null;
  const pilot = pilotId ? await visiblePilot(db, actor, pilotId).catch(() => null) : null;
  return build(db, actor, now, opts, { type: 'application', app, pilot });
}

/** The dossier of a pilot in the actor's scope (with the application it came from). */
export async function pilotDossier(db: Db, actor: SessionUser, id: string, now: Date, opts: DossierOptions): Promise<BuiltDossier> {
  const pilot = await visiblePilot(db, actor, id);
  enforce(decidePilotDossier(actor, pilot));
  const app = await getApplication(db, pilot.applicationId);
  if (!app) throw new AppError('NOT_FOUND');
  return build(db, actor, now, opts, { type: 'pilot', app, pilot });
}

interface Subject {
  type: 'application' | 'pilot';
  app: ApplicationRow;
  pilot: PilotRow | null;
}

const DECISIONS = new Set(['approve', 'send_back', 'reject']);

async function build(db: Db, actor: SessionUser, now: Date, opts: DossierOptions, s: Subject): Promise<BuiltDossier> {
  const max = opts.maxBytes ?? DOSSIER_MAX_BYTES;
  const { app, pilot } = s;
  const [attachments, pilotFiles] = await Promise.all([attachmentFilesOf(db, app.id), pilot ? cycleFilesOf(db, pilot.id) : Promise.resolve([])]);
  // Refuse before reading a byte when the stored files alone are too many.
  if (dossierTooLarge([...attachments.map((a) => a.size), ...pilotFiles.map((f) => f.size)], max)) throw new AppError('DOSSIER_TOO_LARGE', { maxBytes: max });

  const files: DossierFile[] = [];
  const add = (path: string, title: string, bytes: Uint8Array | string) => files.push({ path, title, bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes });
  const readStored = (sha256: string) => readBlob(opts.uploadDir, sha256);
  const omitted: DossierManifest['omitted'] = [];

  // 01 The plan, as Word and PDF in the official layout, and as data in the exchange format.
  const plan = planDocument(app);
  add('01-实施方案/实施方案.docx', '实施方案（Word）', await renderFlowDocx(plan));
  add('01-实施方案/实施方案.pdf', '实施方案（PDF）', await renderFlowPdf(plan));
  add('01-实施方案/实施方案.json', '实施方案数据（交换格式，docs/plan-format.md）', `${JSON.stringify(app.plan, null, 2)}\n`);

  // 02 The review record: provincial reviews, intake, the panel (ministry only), opinions, decision.
  const [reviews, intake, events] = await Promise.all([listProvincialReviews(db, app.id), getIntake(db, app.id), listEvents(db, app.id)]);
  const holdsPanel = dossierHoldsPanelRecord(actor);
  const panel = holdsPanel ? await reviewOverview(db, actor, app.id) : null;
  if (!holdsPanel) omitted.push({ section: '专家评审组成员、回避声明、专家评分与司局意见', reason: '仅向工业和信息化部规划司提供' });
  const record = reviewRecordDocument({
    application: app,
    provincialReviews: reviews,
    intake,
    panel,
    decisions: events.filter((e) => DECISIONS.has(e.action)).map((e) => ({ ...e, data: e.data ?? null })),
  });
  add('02-审查记录/审查记录.docx', '审查记录（Word）', await renderFlowDocx(record));
  add('02-审查记录/审查记录.pdf', '审查记录（PDF）', await renderFlowPdf(record));

  // 03 The application's attachments, byte for byte.
  for (const a of attachments) add(`03-申报附件/${a.filename}`, `申报附件（${a.uploaderName ?? '—'}上传）`, await readStored(a.sha256));

  const history: HistoryRow[] = events.map((e) => ({ at: e.createdAt, object: `申报 ${app.refNo}`, action: e.action, from: e.fromStatus, to: e.toStatus, actor: e.actorName, comment: e.comment, data: e.data ?? null }));
  const auditIds = [app.id, ...attachments.map((a) => a.id)];

  if (pilot) {
    // 04 The 批复.
    const reply = await approvalData(db, pilot);
    add('04-批复/批复.docx', `批复 ${pilot.documentNo}（Word）`, await renderApprovalReplyDocx(reply));
    add('04-批复/批复.pdf', `批复 ${pilot.documentNo}（PDF）`, await renderApprovalReplyPdf(reply));

    const fileName = new Map(pilotFiles.map((f) => [f.id, f.filename]));
    // 05 Every progress report, with its evidence.
    const reports = await reportsOfPilots(db, [pilot.id]);
    const tasks = await tasksOfReports(db, reports.map((r) => r.id));
    for (const r of reports) {
      const values = await valuesOf(db, r.id);
      const doc = reportDocument({
        pilotName: pilot.name,
        report: r,
        values: values.map((v) => ({ ...v, evidence: v.evidenceFileIds.map((id) => fileName.get(id) ?? id) })),
        tasks: tasks.filter((t) => t.reportId === r.id),
        targets: pilot.targets,
      });
      add(`05-进度报告/${r.period}-进度报告.pdf`, `进度报告 ${r.period}`, await renderFlowPdf(doc));
    }
    auditIds.push(pilot.id, ...reports.map((r) => r.id));

    // 06 Evaluations and rectifications.
    const [evaluations, rectifications] = await Promise.all([evaluationsOfPilot(db, pilot.id), rectificationCasesOfPilot(db, pilot.id)]);
    const evaluationDoc = evaluationsDocument({
      pilotName: pilot.name,
      evaluations,
      rectifications: rectifications.map((r) => ({ ...r, responseFiles: r.responseFileIds.map((id) => fileName.get(id) ?? id) })),
    });
    add('06-考核评估与整改/考核评估与整改.docx', '考核评估与限期整改（Word）', await renderFlowDocx(evaluationDoc));
    add('06-考核评估与整改/考核评估与整改.pdf', '考核评估与限期整改（PDF）', await renderFlowPdf(evaluationDoc));
    auditIds.push(...evaluations.map((e) => e.id), ...rectifications.map((r) => r.id));

    // 07 The cycle's stored files, byte for byte, by what they were uploaded for.
    const FOLDER: Record<string, string> = {
      report_evidence: '05-进度报告/佐证材料',
      rectification_evidence: '06-考核评估与整改/整改佐证材料',
      summary: '07-其他材料/总结报告',
      amendment: '07-其他材料/调整优化',
    };
    for (const f of pilotFiles) add(`${FOLDER[f.purpose] ?? `07-其他材料/${f.purpose}`}/${f.filename}`, `试点材料（${f.purpose}）`, await readStored(f.sha256));

    const pilotEvents = await listPilotEvents(db, pilot.id);
    history.push(...pilotEvents.map((e) => ({ at: e.createdAt, object: `试点 ${pilot.name}`, action: e.action, from: e.fromState, to: e.toState, actor: e.actorName, comment: e.comment, data: e.data })));
    auditIds.push(...pilotFiles.map((f) => f.id));
  }

  // 08 The history of the object and its audit log records, as they exist now.
  add('08-审计记录/流转记录.csv', '业务流转记录（申报与试点的每一步：谁、何时、从何状态到何状态、意见）', historyCsv(history));
  // One query for all the objects, through the audit log's object index; oldest first.
  add('08-审计记录/审计日志.csv', '审计日志中涉及本档案对象的记录（含 SM3 哈希链字段）', auditCsv(await recordsOfObjects(db, auditIds)));

  // Paths unique within the zip; then the size guard on everything.
  const paths = uniquePaths(files.map((f) => f.path));
  files.forEach((f, i) => (f.path = paths[i] as string));
  if (dossierTooLarge(files.map((f) => f.bytes.byteLength), max)) throw new AppError('DOSSIER_TOO_LARGE', { maxBytes: max });

  const head: Omit<DossierManifest, 'files'> = {
    format: MANIFEST_FORMAT,
    object: s.type === 'application' ? { type: 'application', id: app.id, refNo: app.refNo, name: app.title } : { type: 'pilot', id: pilot!.id, refNo: pilot!.documentNo, name: pilot!.name },
    generatedAt: now.toISOString(),
    generatedBy: { username: actor.username, name: actor.displayName, organisation: actor.organisationName, role: actor.role },
    omitted,
  };
  const entries = manifestEntries(files);
  const catalogue = Buffer.from(catalogueText(head, entries), 'utf8');
  const manifest: DossierManifest = { ...head, files: [...entries, ...manifestEntries([{ path: CATALOGUE_NAME, title: '目录（人工可读的清单）', bytes: catalogue }])] };

  const zip = new JSZip();
  const date = now;
  zip.file(CATALOGUE_NAME, catalogue, { date });
  zip.file(MANIFEST_NAME, `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const f of files) zip.file(f.path, f.bytes, { date, binary: true });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const label = s.type === 'application' ? app.refNo : pilot!.name;
  return { zip: buffer, filename: `${label}-完整档案-${day}.zip`, asciiFilename: `dossier-${s.type}-${day}.zip`, manifest };
}

/** The digest the audit record keeps of the zip sent. */
export const zipDigest = (zip: Buffer) => sha256Hex(zip);
