/**
 * The expert pool's rules beyond single queries: what a client sees of an expert (division names,
 * relation labels, the actor's abilities from the one policy), checks of division codes, and the
 * all-or-nothing Excel import.
 */
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { blindIndex, normaliseForIndex } from '../../kernel/field-crypto.js';
import { iso } from '../../shared/contract/wire.js';
import { canSeeExpert, expertAbilities } from '../../shared/permissions/expert-scope.js';
import { getDivision } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { ORGANISATION_TYPE_LABELS, RELATION_KIND_LABELS, type OrganisationType, type RelationKind } from './expert-labels.js';
import type { ExpertInput } from './expert-input.js';
import { divisionCodeProblems, placeName } from './expert-places.js';
import { COLUMN_BY_KEY, parseExpertRows, type RowError } from './expert-rows.js';
import { readExpertsXlsx } from './experts.excel.js';
import type { Expert, ExpertList } from './experts.contract.js';
import { expertsNamed, expertsWithContacts, getExpert, insertExpert, insertExperts, listExperts, setExpertAvailable, updateExpert, type ExpertFilter, type ExpertRow } from './experts.queries.js';

export function presentExpert(actor: Actor, e: ExpertRow): Expert {
  return {
    id: e.id,
    name: e.name,
    organisation: e.organisation,
    organisationType: e.organisationType,
    organisationTypeLabel: ORGANISATION_TYPE_LABELS[e.organisationType as OrganisationType] ?? null,
    title: e.title,
    provinceCode: e.provinceCode,
    provinceName: getDivision(e.provinceCode)?.name ?? e.provinceCode,
    cityCode: e.cityCode,
    cityName: e.cityCode ? placeName(e.cityCode) : null,
    fields: e.fields,
    relations: e.relations.map((r) => ({
      cityCode: r.cityCode,
      cityName: placeName(r.cityCode),
      kind: r.kind,
      kindLabel: RELATION_KIND_LABELS[r.kind as RelationKind] ?? null,
      note: r.note,
    })),
    available: e.available,
    version: e.version,
    loadCap: e.loadCap,
    email: e.email,
    phone: e.phone,
    userId: e.userId,
    isDemo: e.isDemo,
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
    abilities: expertAbilities(actor, e),
  };
}

/** A page of the pool with the filters applied, presented for the actor. */
export async function expertPage(db: Db, actor: Actor, filter: ExpertFilter, page: number, pageSize: number): Promise<ExpertList> {
  const { items, total } = await listExperts(db, filter, { offset: (page - 1) * pageSize, limit: pageSize });
  return { items: items.map((e) => presentExpert(actor, e)), total, page, pageSize };
}

/** One record the actor may see; any other is "not found". */
export async function visibleExpert(db: Db, actor: Actor, id: string): Promise<ExpertRow> {
  const e = await getExpert(db, id);
  if (!e || !canSeeExpert(actor, e)) throw new AppError('NOT_FOUND');
  return e;
}

export async function createExpert(db: Db, actor: Actor, input: ExpertInput): Promise<Expert> {
  assertDivisionCodes(input);
  const id = await insertExpert(db, input);
  return presentExpert(actor, (await getExpert(db, id))!);
}

/** Replaces a record edited on `version`; someone's edit or availability change meanwhile is a VERSION_CONFLICT. */
export async function replaceExpert(db: Db, actor: Actor, id: string, input: ExpertInput, version: number): Promise<Expert> {
  assertDivisionCodes(input);
  if (!(await updateExpert(db, id, input, version))) {
    const current = await getExpert(db, id);
    if (!current) throw new AppError('NOT_FOUND');
    throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
  }
  return presentExpert(actor, (await getExpert(db, id))!);
}

export async function setAvailability(db: Db, actor: Actor, id: string, available: boolean): Promise<Expert> {
  if (!(await setExpertAvailable(db, id, available))) throw new AppError('NOT_FOUND');
  return presentExpert(actor, (await getExpert(db, id))!);
}

/** Refuses a record whose division codes are unknown or do not fit together (422 VALIDATION_FAILED). */
export function assertDivisionCodes(input: ExpertInput): void {
  const issues = divisionCodeProblems(input);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
}

const normOrg = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Reads an uploaded workbook and inserts every expert in it, or none: any problem in any row
 * (or an expert already in the pool with the same name and organisation) refuses the whole file
 * with 422 VALIDATION_FAILED and details.rows. Bytes that are no readable workbook: 415.
 */
export async function importExperts(db: Db, buf: Buffer): Promise<{ created: number }> {
  const read = await readExpertsXlsx(buf);
  if (!read.ok) throw new AppError('FILE_TYPE_MISMATCH', { accepted: ['.xlsx'] });
  if (read.errors.length > 0) throw new AppError('VALIDATION_FAILED', { rows: read.errors });
  const { experts, errors } = parseExpertRows(read.rows);
  const existing = await expertsNamed(db, experts.map((e) => e.name));
  const taken = new Set(existing.map((e) => `${e.name}\u0000${normOrg(e.organisation)}`));
  const dupes: RowError[] = experts
    .filter((e) => taken.has(`${e.name}\u0000${normOrg(e.organisation)}`))
    .map((e) => ({
      row: e.row,
      column: COLUMN_BY_KEY.name.header,
      message: { zh: `专家库中已有“${e.name}（${e.organisation}）”，请勿重复导入；如需修改请在页面上编辑`, en: `“${e.name} (${e.organisation})” is already in the pool; edit it on the page instead` },
    }));
  // The same person under another name or organisation: their e-mail or mobile number (a personal one, not an
  // office line several experts share) is already in the pool — found by blind index, the values being encrypted.
  const mobile = (p: string | null) => (p && /^1\d{10}$/.test(normaliseForIndex('phone', p)) ? p : null);
  const known = await expertsWithContacts(db, { emails: experts.flatMap((e) => (e.email ? [e.email] : [])), phones: experts.flatMap((e) => mobile(e.phone) ?? []) });
  const knownEmail = new Map(known.flatMap((k) => (k.emailIndex ? [[k.emailIndex, k] as const] : [])));
  const knownPhone = new Map(known.flatMap((k) => (k.phoneIndex && mobile(k.phone) ? [[k.phoneIndex, k] as const] : [])));
  for (const e of experts) {
    if (dupes.some((d) => d.row === e.row)) continue;
    const byEmail = e.email ? knownEmail.get(blindIndex('email', e.email)!) : undefined;
    const byPhone = mobile(e.phone) ? knownPhone.get(blindIndex('phone', e.phone)!) : undefined;
    const other = byEmail ?? byPhone;
    if (!other) continue;
    const column = byEmail ? COLUMN_BY_KEY.email.header : COLUMN_BY_KEY.phone.header;
    dupes.push({
      row: e.row,
      column,
      message: { zh: `专家库中的“${other.name}（${other.organisation}）”已使用该${byEmail ? '电子邮箱' : '手机号码'}，请勿重复导入`, en: `“${other.name} (${other.organisation})” in the pool already has this ${byEmail ? 'e-mail address' : 'mobile number'}` },
    });
  }
  const all = [...errors, ...dupes].sort((a, b) => a.row - b.row);
  if (all.length > 0) throw new AppError('VALIDATION_FAILED', { rows: all });
  const created = await insertExperts(
    db,
    experts.map(({ row: _row, ...e }) => e),
  );
  return { created };
}
