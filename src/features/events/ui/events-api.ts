/** The events endpoints for the web, typed from the contract; downloads are links the browser follows. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type {
  ActionCloseBody,
  ActionItem,
  ActionItemBody,
  ActionItemEditBody,
  ActionList,
  ActionListQuery,
  ActionReopenBody,
  ActionUpdateBody,
  EventBody,
  EventDetail,
  EventList,
  EventListQuery,
  EventUpdateBody,
  Material,
  MinutesBody,
  OwnerOptions,
  TransitionBody,
} from '../events.contract';

function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const eventsApi = {
  list: (q: EventListQuery) => request<EventList>('GET', `/events${qs(q)}`),
  get: (id: string) => request<EventDetail>('GET', `/events/${enc(id)}`),
  create: (body: EventBody) => request<EventDetail>('POST', '/events', body),
  update: (id: string, body: EventUpdateBody) => request<EventDetail>('PUT', `/events/${enc(id)}`, body),
  minutes: (id: string, body: MinutesBody) => request<EventDetail>('PUT', `/events/${enc(id)}/minutes`, body),
  transition: (id: string, body: TransitionBody) => request<EventDetail>('POST', `/events/${enc(id)}/transitions`, body),
  ownerOptions: () => request<OwnerOptions>('GET', '/events/owner-options'),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<Material>('POST', `/events/${enc(id)}/materials`, undefined, { form });
  },
  removeMaterial: (id: string, materialId: string) => request<EventDetail>('DELETE', `/events/${enc(id)}/materials/${enc(materialId)}`),
  addItem: (eventId: string, body: ActionItemBody) => request<ActionItem>('POST', `/events/${enc(eventId)}/action-items`, body),
  items: (q: Partial<ActionListQuery>) => request<ActionList>('GET', `/action-items${qs(q)}`),
  editItem: (id: string, body: ActionItemEditBody) => request<ActionItem>('PUT', `/action-items/${enc(id)}`, body),
  updateItem: (id: string, body: ActionUpdateBody) => request<ActionItem>('POST', `/action-items/${enc(id)}/updates`, body),
  closeItem: (id: string, body: ActionCloseBody) => request<ActionItem>('POST', `/action-items/${enc(id)}/close`, body),
  reopenItem: (id: string, body: ActionReopenBody) => request<ActionItem>('POST', `/action-items/${enc(id)}/reopen`, body),
};

export const eventLinks = {
  material: (id: string, materialId: string) => `${API_BASE}/events/${enc(id)}/materials/${enc(materialId)}`,
  minutes: (id: string) => `${API_BASE}/events/${enc(id)}/minutes.docx`,
  itemsExcel: (q: Partial<ActionListQuery>) => `${API_BASE}/action-items/export.xlsx${qs(q)}`,
};
