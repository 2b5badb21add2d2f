/** Policy resources for the web: the programme list, a pilot's records, the list and totals in scope, the export link. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type {
  PilotResources,
  PolicyResource,
  ProgrammeSettings,
  ResourceInput,
  ResourceList,
  ResourceTotals,
  TotalsBy,
} from '../policy-resources.contract';

export interface ResourceFilter {
  pilotId?: string;
  year?: number;
}

function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const resourcesApi = {
  programmes: () => request<ProgrammeSettings>('GET', '/resources/programmes'),
  saveProgrammes: (body: ProgrammeSettings) => request<ProgrammeSettings>('PUT', '/resources/programmes', body),
  ofPilot: (pilotId: string) => request<PilotResources>('GET', `/pilots/${enc(pilotId)}/resources`),
  list: (f: ResourceFilter) => request<ResourceList>('GET', `/resources${qs({ pilotId: f.pilotId, year: f.year })}`),
  totals: (by: TotalsBy, year?: number) => request<ResourceTotals>('GET', `/resources/totals${qs({ by, year })}`),
  record: (pilotId: string, body: ResourceInput) => request<PolicyResource>('POST', `/pilots/${enc(pilotId)}/resources`, body),
  withdraw: (id: string) => request<void>('DELETE', `/resources/${enc(id)}`),
};

export const exportLink = (pilotId?: string) => `${API_BASE}/resources/export.xlsx${qs({ pilotId })}`;
