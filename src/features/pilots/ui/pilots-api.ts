/** Pilot cities (试点城市) for the web: the list, one pilot with its frozen targets, and the 批复 downloads. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type { PilotDetail, PilotList } from '../pilots.contract';

export const pilotsApi = {
  list: () => request<PilotList>('GET', '/pilots'),
  get: (id: string) => request<PilotDetail>('GET', `/pilots/${enc(id)}`),
};

/** Download links of the approval reply (the browser saves the file). */
export const pilotLinks = {
  docx: (id: string) => `${API_BASE}/pilots/${enc(id)}/approval.docx`,
  pdf: (id: string) => `${API_BASE}/pilots/${enc(id)}/approval.pdf`,
};
