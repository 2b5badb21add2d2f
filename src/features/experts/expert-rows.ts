/**
 * The expert pool as spreadsheet rows (专家库.xlsx, columns in expert-columns.ts): an expert
 * written as a row, and the reverse — reading rows typed by people into expert records, with every
 * problem reported by Excel row number and column. No workbook code here (experts.excel.ts reads
 * and writes files); the only data read is the division reference.
 *
 * Decisions:
 * - Required: 姓名, 工作单位, 所在省份, 专业领域 (at least one). Empty 单位类型 is guessed from
 *   the organisation's name; empty 是否可用 means 是; empty 评审上限 means the default (5).
 * - Several fields are separated by 、 (also ， , ； ; / or line breaks). Several relations are
 *   separated by ； (also ; or line breaks); one relation is 城市:关系类别[:说明] with : or ：.
 * - Two rows with the same 姓名 and 工作单位 are the same person: the later row is an error.
 * - A row whose cells are all empty is skipped; a file without any expert is an error.
 */
import { COLUMN_BY_KEY, COLUMN_KEYS, EXPERT_COLUMNS, EXPERT_SHEET, type ColumnKey } from './expert-columns.js';
import { EXPERT_LIMITS as L, guessOrganisationType, ORGANISATION_TYPE_LABELS, organisationTypeOf, ORGANISATION_TYPES, RELATION_KIND_LABELS, RELATION_KINDS, relationKindOf, type BilingualLabel } from './expert-labels.js';
import { distinctFields, isEmail, type ExpertInput } from './expert-input.js';
import { placeName, resolveCity, resolvePlace, resolveProvince, type Resolved } from './expert-places.js';

export { COLUMN_BY_KEY, COLUMN_KEYS, EXPERT_COLUMNS, EXPERT_SHEET, HELP_SHEET, type ColumnKey, type ColumnSpec } from './expert-columns.js';

const orgTypeList = ORGANISATION_TYPES.map((t) => ORGANISATION_TYPE_LABELS[t].zh).join('、');
const relationKindList = RELATION_KINDS.map((k) => RELATION_KIND_LABELS[k].zh).join('、');

export interface RowError {
  /** Excel row number (the header is row 1). */
  row: number;
  /** The column's Chinese header, or '' for a problem of the whole file. */
  column: string;
  message: BilingualLabel;
}

export interface RawRow {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export interface ParsedExpert extends ExpertInput {
  row: number;
}

/** What an expert row shows; the export writes these values, the import reads them back. */
export interface ExpertForRow {
  name: string;
  organisation: string;
  organisationType: string;
  title: string;
  provinceCode: string;
  cityCode: string | null;
  fields: readonly string[];
  relations: readonly { cityCode: string; kind: string; note: string }[];
  available: boolean;
  loadCap: number;
  email: string | null;
  phone: string | null;
}

const normHeader = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();

/** Maps header cells (index → text) to columns; missing required columns and repeats are errors on row `headerRow`. */
export function mapHeaders(headers: readonly string[], headerRow = 1): { columns: Map<number, ColumnKey>; errors: RowError[] } {
  const columns = new Map<number, ColumnKey>();
  const errors: RowError[] = [];
  const seen = new Set<ColumnKey>();
  headers.forEach((h, i) => {
    const n = normHeader(h ?? '');
    if (!n) return;
    const col = EXPERT_COLUMNS.find((c) => normHeader(c.header) === n || c.aliases.some((a) => normHeader(a) === n));
    if (!col) return;
    if (seen.has(col.key)) {
      errors.push({ row: headerRow, column: col.header, message: { zh: `列“${col.header}”出现了多次`, en: `The column “${col.header}” (${col.en}) appears more than once` } });
      return;
    }
    seen.add(col.key);
    columns.set(i, col.key);
  });
  for (const c of EXPERT_COLUMNS) {
    if (c.required && !seen.has(c.key)) {
      errors.push({ row: headerRow, column: c.header, message: { zh: `缺少必填列“${c.header}”，请使用下载的模板`, en: `The required column “${c.header}” (${c.en}) is missing; use the downloaded template` } });
    }
  }
  return { columns, errors };
}

/** Separators between relations in a cell. */
const RELATION_SEPARATORS = /[;；\n\r]+/;

export function splitFields(text: string): string[] {
  return distinctFields([text]);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '可用', '√', '✓', '有效']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '不可用', '×', '✗', '无效', '停用']);

function placeProblem(what: string, text: string, r: Extract<Resolved, { ok: false }>, provinceText?: string): BilingualLabel {
  if (r.reason === 'ambiguous') {
    const list = (r.candidates ?? []).join('、');
    return { zh: `${what}“${text}”对应多个行政区划（${list}），请填写全称或加上省份`, en: `${what === '关联城市' ? 'Related city' : 'Division'} “${text}” fits several divisions (${list}); write the full name or add the province` };
  }
  if (r.reason === 'outside_province') {
    return { zh: `所在城市“${text}”不在所在省份“${provinceText ?? ''}”内`, en: `The city “${text}” is not in the province “${provinceText ?? ''}”` };
  }
  return { zh: `未找到${what}“${text}”，请填写规范的行政区划名称`, en: `Unknown ${what === '所在省份' ? 'province' : what === '所在城市' ? 'city' : 'division'} “${text}”; use the official name` };
}

/**
 * Reads rows into expert records. Returns every problem found; when `errors` is not empty the
 * caller must save nothing.
 */
export function parseExpertRows(rows: readonly RawRow[]): { experts: ParsedExpert[]; errors: RowError[] } {
  const experts: ParsedExpert[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;

  for (const { row, cells } of rows) {
    const get = (k: ColumnKey) => (cells[k] ?? '').trim();
    if (COLUMN_KEYS.every((k) => get(k) === '')) continue;
    dataRows++;
    if (dataRows > L.importRowsMax) {
      errors.push({ row, column: '', message: { zh: `一次最多导入 ${L.importRowsMax} 位专家，请分批导入`, en: `At most ${L.importRowsMax} experts per import; split the file` } });
      break;
    }
    const rowErrors: RowError[] = [];
    const fail = (k: ColumnKey, message: BilingualLabel) => rowErrors.push({ row, column: COLUMN_BY_KEY[k].header, message });
    const required = (k: ColumnKey) => fail(k, { zh: `请填写${COLUMN_BY_KEY[k].header}`, en: `${COLUMN_BY_KEY[k].en} is required` });
    const tooLong = (k: ColumnKey, max: number) => fail(k, { zh: `${COLUMN_BY_KEY[k].header}不能超过 ${max} 个字`, en: `${COLUMN_BY_KEY[k].en} is longer than ${max} characters` });

    const name = get('name');
    if (!name) required('name');
    else if (name.length > L.nameMax) tooLong('name', L.nameMax);

    const organisation = get('organisation');
    if (!organisation) required('organisation');
    else if (organisation.length > L.organisationMax) tooLong('organisation', L.organisationMax);

    const typeText = get('organisationType');
    let organisationType = typeText ? organisationTypeOf(typeText) : guessOrganisationType(organisation);
    if (!organisationType) {
      fail('organisationType', { zh: `单位类型“${typeText}”无效，可填：${orgTypeList}`, en: `Unknown organisation type “${typeText}”; use one of ${orgTypeList}` });
      organisationType = 'other';
    }

    const title = get('title');
    if (title.length > L.titleMax) tooLong('title', L.titleMax);

    const provinceText = get('province');
    let provinceCode = '';
    if (!provinceText) required('province');
    else {
      const p = resolveProvince(provinceText);
      if (p.ok && p.code) provinceCode = p.code;
      else fail('province', placeProblem('所在省份', provinceText, p.ok ? { ok: false, reason: 'unknown' } : p));
    }

    const cityText = get('city');
    let cityCode: string | null = null;
    if (cityText && provinceCode) {
      const c = resolveCity(cityText, provinceCode);
      if (c.ok) cityCode = c.code;
      else fail('city', placeProblem('所在城市', cityText, c, provinceText));
    }

    const fieldsText = get('fields');
    const fields = splitFields(fieldsText);
    if (fields.length === 0) fail('fields', { zh: '请填写至少一个专业领域，多项用“、”分隔', en: 'Give at least one field of expertise; separate several with 、' });
    else if (fields.length > L.fieldsMax) fail('fields', { zh: `专业领域最多 ${L.fieldsMax} 项`, en: `At most ${L.fieldsMax} fields` });
    else {
      const long = fields.find((f) => f.length > L.fieldMax);
      if (long) fail('fields', { zh: `专业领域“${long.slice(0, 20)}…”超过 ${L.fieldMax} 个字，多项请用“、”分隔`, en: `The field “${long.slice(0, 20)}…” is longer than ${L.fieldMax} characters; separate several with 、` });
    }

    const relations: ExpertInput['relations'] = [];
    const relationsText = get('relations');
    const entries = relationsText.split(RELATION_SEPARATORS).map((s) => s.trim()).filter(Boolean);
    if (entries.length > L.relationsMax) fail('relations', { zh: `关联城市最多 ${L.relationsMax} 项`, en: `At most ${L.relationsMax} related cities` });
    for (const entry of entries.slice(0, L.relationsMax)) {
      const m = /^([^:：]+)[:：]([^:：]*)(?:[:：]([\s\S]*))?$/.exec(entry);
      if (!m) {
        fail('relations', { zh: `“${entry}”格式不正确，应写作“城市:关系类别”，如“宁波市:参与编制实施方案”`, en: `“${entry}” should read “city:kind”, e.g. “宁波市:参与编制实施方案”` });
        continue;
      }
      const placeText = m[1]!.trim();
      const kindText = m[2]!.trim();
      const note = (m[3] ?? '').trim();
      const place = resolvePlace(placeText);
      const kind = relationKindOf(kindText);
      if (!place.ok) fail('relations', placeProblem('关联城市', placeText, place));
      if (!kind) {
        fail('relations', {
          zh: `关联关系类别“${kindText}”无效，可填：${relationKindList}`,
          en: `Unknown relation kind “${kindText}”; use one of ${RELATION_KINDS.map((k) => RELATION_KIND_LABELS[k].zh).join(', ')}`,
        });
      }
      if (note.length > L.noteMax) fail('relations', { zh: `关联说明不能超过 ${L.noteMax} 个字`, en: `A relation note is longer than ${L.noteMax} characters` });
      if (place.ok && place.code && kind) relations.push({ cityCode: place.code, kind, note });
    }

    const availableText = get('available').toLowerCase();
    let available = true;
    if (availableText) {
      if (YES.has(availableText)) available = true;
      else if (NO.has(availableText)) available = false;
      else fail('available', { zh: `是否可用应填“是”或“否”，而不是“${get('available')}”`, en: `Available must be 是 (yes) or 否 (no), not “${get('available')}”` });
    }

    const capText = get('loadCap');
    let loadCap: number = L.loadCapDefault;
    if (capText) {
      const n = Number(capText);
      if (!/^\d+(\.0+)?$/.test(capText) || !Number.isInteger(n) || n < L.loadCapMin || n > L.loadCapMax) {
        fail('loadCap', { zh: `评审上限须为 ${L.loadCapMin}–${L.loadCapMax} 的整数，而不是“${capText}”`, en: `The load cap must be a whole number from ${L.loadCapMin} to ${L.loadCapMax}, not “${capText}”` });
      } else loadCap = n;
    }

    const email = get('email');
    if (email && (email.length > L.emailMax || !isEmail(email))) {
      fail('email', { zh: `电子邮箱“${email}”格式不正确`, en: `“${email}” is not a valid email address` });
    }
    const phone = get('phone');
    if (phone.length > L.phoneMax) tooLong('phone', L.phoneMax);

    if (name && organisation) {
      const key = `${name}\u0000${organisation.normalize('NFKC').replace(/\s+/g, '')}`;
      const first = seen.get(key);
      if (first !== undefined) {
        fail('name', { zh: `与第 ${first} 行重复（姓名和工作单位相同）`, en: `Same name and organisation as row ${first}` });
      } else seen.set(key, row);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    experts.push({ row, name, organisation, organisationType, title, provinceCode, cityCode, fields, relations, available, loadCap, email: email || null, phone: phone || null });
  }
  if (dataRows === 0) {
    errors.push({ row: 2, column: '', message: { zh: `工作表“${EXPERT_SHEET}”中没有专家数据`, en: `The sheet “${EXPERT_SHEET}” holds no experts` } });
  }
  return { experts, errors };
}

/** The row an expert is exported as; reading it back gives the same record. */
export function expertToCells(e: ExpertForRow): Record<ColumnKey, string | number> {
  const typeLabel = ORGANISATION_TYPE_LABELS[e.organisationType as keyof typeof ORGANISATION_TYPE_LABELS]?.zh ?? e.organisationType;
  const relation = (r: ExpertForRow['relations'][number]) => {
    const kind = RELATION_KIND_LABELS[r.kind as keyof typeof RELATION_KIND_LABELS]?.zh ?? r.kind;
    const note = r.note.replace(/[;；\n\r]+/g, '，').trim();
    return `${placeName(r.cityCode)}:${kind}${note ? `:${note}` : ''}`;
  };
  return {
    name: e.name,
    organisation: e.organisation,
    organisationType: typeLabel,
    title: e.title,
    province: placeName(e.provinceCode),
    city: placeName(e.cityCode),
    fields: e.fields.join('、'),
    relations: e.relations.map(relation).join('；'),
    available: e.available ? '是' : '否',
    loadCap: e.loadCap,
    email: e.email ?? '',
    phone: e.phone ?? '',
  };
}
