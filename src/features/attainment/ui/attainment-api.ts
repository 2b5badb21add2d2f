/** Attainment for the web: a pilot's dashboard, the overview, and the Excel export links. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type { Overview, OverviewFilters, OverviewQuery, PilotAttainmentView } from '../attainment.contract';

function query(q: OverviewQuery | OverviewFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const attainmentApi = {
  pilot: (pilotId: string) => request<PilotAttainmentView>('GET', `/pilots/${enc(pilotId)}/attainment`),
  overview: (q: OverviewQuery) => request<Overview>('GET', `/attainment/overview${query(q)}`),
};

export const attainmentLinks = {
  pilotXlsx: (pilotId: string, targetId?: string) => `${API_BASE}/pilots/${enc(pilotId)}/attainment.xlsx${targetId ? `?targetId=${enc(targetId)}` : ''}`,
  overviewXlsx: (q: OverviewFilters) => `${API_BASE}/attainment/overview.xlsx${query(q)}`,
};
