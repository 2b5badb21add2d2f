/** The province page's URL search parameters: which authority (for the ministry) and which tab. */
export interface ProvinceSearch {
  authority?: string;
  tab?: 'overview' | 'plan' | 'policies';
}

export function parseProvinceSearch(raw: Record<string, unknown>): ProvinceSearch {
  const out: ProvinceSearch = {};
  // A numeric-looking value (a province code) may arrive parsed as a number.
  const a = raw.authority;
  if ((typeof a === 'string' && /^(\d{6}|xpcc)$/.test(a)) || (typeof a === 'number' && /^\d{6}$/.test(String(a)))) out.authority = String(a);
  if (raw.tab === 'overview' || raw.tab === 'plan' || raw.tab === 'policies') out.tab = raw.tab;
  return out;
}
