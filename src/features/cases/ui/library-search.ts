/** The library's URL search parameters: the query, the tag filters (comma-separated codes) and the page. */
import { CASE_TAG_KINDS, CASE_TAG_VOCABULARY, type CaseTagKind } from '../../../shared/cases/case-tags';

export type LibrarySearch = { q?: string; page?: number } & Partial<Record<CaseTagKind, string>>;

export function parseLibrarySearch(raw: Record<string, unknown>): LibrarySearch {
  const out: LibrarySearch = {};
  if (typeof raw.q === 'string' && raw.q.trim() !== '') out.q = raw.q.slice(0, 100);
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 1000) out.page = page;
  for (const kind of CASE_TAG_KINDS) {
    const v = raw[kind];
    if (typeof v !== 'string') continue;
    const known = CASE_TAG_VOCABULARY[kind].codes as readonly string[];
    const codes = v.split(',').filter((c) => known.includes(c));
    if (codes.length > 0) out[kind] = codes.join(',');
  }
  return out;
}
