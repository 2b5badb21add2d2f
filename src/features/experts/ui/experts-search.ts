/** The expert pool's URL search parameters (filters and page), read by the router. */
export interface ExpertsSearch {
  q?: string;
  field?: string;
  province?: string;
  available?: 'true' | 'false';
  page?: number;
}

export function parseExpertsSearch(raw: Record<string, unknown>): ExpertsSearch {
  const out: ExpertsSearch = {};
  for (const k of ['q', 'field', 'province'] as const) {
    const v = raw[k];
    // A numeric-looking value (a province code) arrives parsed as a number.
    if ((typeof v === 'string' && v) || typeof v === 'number') out[k] = String(v);
  }
  if (raw.available === 'true' || raw.available === 'false') out.available = raw.available;
  else if (raw.available === true || raw.available === false) out.available = String(raw.available) as 'true' | 'false';
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}
