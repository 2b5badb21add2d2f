/**
 * The expert pool's rules beyond single queries: what a client sees of an expert (division names,
 * relation labels), checks of division codes, and the all-or-nothing Excel import.
 */
import type { Db } from '../../db/client.js';
import { AppError } from '../../server/app-error.js';
import { getDivision } from '../reference/divisions.js';
import { ORGANISATION_TYPE_LABELS, RELATION_KIND_LABELS, type OrganisationType, type RelationKind } from './expert-labels.js';
import type { ExpertInput } from './expert-input.js';
import { divisionCodeProblems, placeName } from './expert-places.js';
import { COLUMN_BY_KEY, parseExpertRows, type RowError } from './expert-rows.js';
import { readExpertsXlsx } from './experts.excel.js';
import { expertsNamed, insertExperts, type ExpertRow } from './experts.queries.js';

export interface ExpertView {
  id: string;
  name: string;
  organisation: string;
  organisationType: string;
  organisationTypeLabel: { zh: string; en: string } | null;
  title: string;
  provinceCode: string;
  provinceName: string;
  cityCode: string | null;
  cityName: string | null;
  fields: string[];
  relations: { cityCode: string; cityName: string; kind: string; kindLabel: { zh: string; en: string } | null; note: string }[];
  available: boolean;
  loadCap: number;
  email: string | null;
  phone: string | null;
  userId: string | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

export function presentExpert(e: ExpertRow): ExpertView {
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
    loadCap: e.loadCap,
    email: e.email,
    phone: e.phone,
    userId: e.userId,
    isDemo: e.isDemo,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
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
  const all = [...errors, ...dupes].sort((a, b) => a.row - b.row);
  if (all.length > 0) throw new AppError('VALIDATION_FAILED', { rows: all });
  const created = await insertExperts(
    db,
    experts.map(({ row: _row, ...e }) => e),
  );
  return { created };
}
