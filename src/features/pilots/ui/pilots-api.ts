/** Pilot cities (试点城市) for the web: the list, one pilot with its frozen targets, and the 批复 downloads. */
import type { Target } from '../../../shared/plan/plan-schema';
import { API_BASE, request } from '../../../web/api';

export interface PilotItem {
  id: string;
  applicationId: string;
  name: string;
  cityCodes: string[];
  cityNames: string[];
  documentNo: string;
  approvalDate: string;
  periodStartYear: number;
  periodEndYear: number;
  filedAt: string | null;
  targetCount: number;
  isDemo: boolean;
}

export interface PilotDetail extends PilotItem {
  targets: Target[];
}

const enc = encodeURIComponent;

export const pilotsApi = {
  list: () => request<{ items: PilotItem[] }>('GET', '/pilots'),
  get: (id: string) => request<PilotDetail>('GET', `/pilots/${enc(id)}`),
};

/** Download links of the approval reply (the browser saves the file). */
export const pilotLinks = {
  docx: (id: string) => `${API_BASE}/pilots/${enc(id)}/approval.docx`,
  pdf: (id: string) => `${API_BASE}/pilots/${enc(id)}/approval.pdf`,
};
