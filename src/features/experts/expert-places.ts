/**
 * Divisions as the expert pool writes them: names for display and Excel (宁波市, 佛山市顺德区,
 * 北京市海淀区) and the reverse, resolving what people type (浙江, 浙江省, 宁波, 宁波市,
 * 浙江省宁波市, 佛山市顺德区) to GB/T 2260 codes. Reads the reference data; no other I/O.
 *
 * Decisions:
 * - A full name (宁波市) wins over a short name (宁波). A name that still fits several divisions
 *   (吉林 = 吉林省 and 吉林市) is ambiguous: the caller asks for the full name or a province prefix.
 * - 所在城市 is looked up inside 所在省份; the province itself written as its city (北京市 in
 *   北京) means "no city": cityCode null — unless a city of that name exists (吉林 in 吉林省).
 * - A relation may name a province (浙江省), a prefecture (宁波市) or a district (佛山市顺德区).
 */
import { findDivisions, getDivision, listDivisions, type Division } from '../../shared/reference/divisions.js';

export type Resolved = { ok: true; code: string | null } | { ok: false; reason: 'unknown' | 'ambiguous' | 'outside_province'; candidates?: string[] };

/** A division's display name: a district carries its prefecture's name (佛山市顺德区, 北京市海淀区). */
export function placeName(code: string | null | undefined): string {
  if (!code) return '';
  const d = getDivision(code);
  if (!d) return code;
  if (d.level === 'district' && d.parentCode) {
    const parent = getDivision(d.parentCode);
    return parent ? parent.name + d.name : d.name;
  }
  return d.name;
}

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Narrows name matches: exact full names first, then short names; never more than one level of preference. */
function pick(name: string, candidates: Division[]): Division[] {
  const full = candidates.filter((d) => d.name === name);
  return full.length > 0 ? full : candidates;
}

function provincesByPrefix(text: string): { province: Division; rest: string }[] {
  const out: { province: Division; rest: string }[] = [];
  for (const p of listDivisions()) {
    if (p.level !== 'province') continue;
    for (const n of new Set([p.name, p.shortName])) {
      if (text.length > n.length && text.startsWith(n)) out.push({ province: p, rest: text.slice(n.length) });
    }
  }
  return out;
}

/** Within a province: a prefecture or district by name, or "prefecture + district" (佛山市顺德区). */
function findBelow(text: string, provinceCode: string): Division[] {
  const direct = pick(text, findDivisions(text, { province: provinceCode }).filter((d) => d.level !== 'province'));
  if (direct.length > 0) return direct;
  const out: Division[] = [];
  for (const c of listDivisions()) {
    if (c.level !== 'prefecture' || c.provinceCode !== provinceCode) continue;
    for (const n of new Set([c.name, c.shortName])) {
      if (text.length > n.length && text.startsWith(n)) {
        const rest = text.slice(n.length);
        out.push(...findDivisions(rest).filter((d) => d.parentCode === c.code && d.level === 'district'));
      }
    }
  }
  return [...new Map(out.map((d) => [d.code, d])).values()];
}

function result(found: Division[]): Resolved {
  if (found.length === 1) return { ok: true, code: found[0]!.code };
  if (found.length === 0) return { ok: false, reason: 'unknown' };
  return { ok: false, reason: 'ambiguous', candidates: found.map((d) => placeName(d.code)) };
}

/** A province-level unit by code, full name or short name (浙江, 浙江省, 330000, 内蒙古). */
export function resolveProvince(text: string): Resolved {
  const t = clean(text);
  if (!t) return { ok: false, reason: 'unknown' };
  if (/^\d{6}$/.test(t)) {
    const d = getDivision(t);
    return d?.level === 'province' ? { ok: true, code: d.code } : { ok: false, reason: 'unknown' };
  }
  return result(pick(t, findDivisions(t, { level: 'province' })));
}

/**
 * The city (prefecture, directly administered unit or district) named inside a province.
 * Empty text, or the municipality's own name, gives code null.
 */
export function resolveCity(text: string, provinceCode: string): Resolved {
  const t = clean(text);
  if (!t) return { ok: true, code: null };
  const province = getDivision(provinceCode);
  if (!province || province.level !== 'province') return { ok: false, reason: 'unknown' };
  if (/^\d{6}$/.test(t)) {
    const d = getDivision(t);
    if (!d) return { ok: false, reason: 'unknown' };
    if (d.code === provinceCode) return { ok: true, code: null };
    return d.provinceCode === provinceCode ? { ok: true, code: d.code } : { ok: false, reason: 'outside_province' };
  }
  // As written, then without a leading province name ("浙江省宁波市"); 吉林市 in 吉林省 is the city.
  const tries = [t, ...[province.name, province.shortName].filter((n) => t.length > n.length && t.startsWith(n)).map((n) => t.slice(n.length))];
  for (const text2 of tries) {
    const found = findBelow(text2, provinceCode);
    if (found.length > 0) return result(found);
  }
  if (t === province.name || t === province.shortName) return { ok: true, code: null };
  // Not in this province: say so when it exists elsewhere.
  const elsewhere = resolvePlace(t);
  return elsewhere.ok || elsewhere.reason === 'ambiguous' ? { ok: false, reason: 'outside_province' } : { ok: false, reason: 'unknown' };
}

/** Any division by code or name: 浙江省, 宁波, 宁波市, 浙江省宁波市, 佛山市顺德区, 上海市浦东新区. */
export function resolvePlace(text: string): Resolved {
  const t = clean(text);
  if (!t) return { ok: false, reason: 'unknown' };
  if (/^\d{6}$/.test(t)) return getDivision(t) ? { ok: true, code: t } : { ok: false, reason: 'unknown' };
  const direct = pick(t, findDivisions(t));
  if (direct.length > 0) return result(direct);
  const found: Division[] = [];
  for (const { province, rest } of provincesByPrefix(t)) found.push(...findBelow(rest, province.code));
  if (found.length === 0) {
    // Prefecture + district without the province (佛山市顺德区).
    for (const c of listDivisions()) {
      if (c.level !== 'prefecture') continue;
      for (const n of new Set([c.name, c.shortName])) {
        if (t.length > n.length && t.startsWith(n)) found.push(...findDivisions(t.slice(n.length)).filter((d) => d.parentCode === c.code));
      }
    }
  }
  return result([...new Map(found.map((d) => [d.code, d])).values()]);
}

/** Problems with the division codes of an expert record (for the API; the import reports by name). */
export function divisionCodeProblems(input: {
  provinceCode: string;
  cityCode: string | null;
  relations: readonly { cityCode: string }[];
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const province = getDivision(input.provinceCode);
  if (!province || province.level !== 'province') problems.push({ path: 'provinceCode', message: 'not a province-level division code' });
  if (input.cityCode !== null) {
    const city = getDivision(input.cityCode);
    if (!city || city.level === 'province') problems.push({ path: 'cityCode', message: 'not a city or district code' });
    else if (city.provinceCode !== input.provinceCode) problems.push({ path: 'cityCode', message: 'the city is not in the province' });
  }
  input.relations.forEach((r, i) => {
    if (!getDivision(r.cityCode)) problems.push({ path: `relations.${i}.cityCode`, message: 'unknown division code' });
  });
  return problems;
}
