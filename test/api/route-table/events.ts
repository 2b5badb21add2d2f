/**
 * The route table: events 活动 and action items 督办事项 (format: README.md). The fixture's events are
 * held with their minutes published: own concerns 宁波 (its authority, pilot and organisation), other
 * only 沈阳; each has a material and an open action item owned by its city's organisation.
 */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

/** Who reads events: the ministry and the leading group all of them, a city or province those concerning it. */
const READERS = {
  city_applicant: ONLY_OWN,
  provincial_authority: ONLY_OWN,
  ministry_planning: OK,
  ministry_department: OK,
  leading_group_observer: OK,
} as const;
const LISTERS = { city_applicant: OK, provincial_authority: OK, ministry_planning: OK, ministry_department: OK, leading_group_observer: OK } as const;
/** Only the planning department plans and runs events. */
const PLANNING = { ministry_planning: OK } as const;

export const eventsRoutes: RouteEntry[] = [
  { method: 'GET', path: '/api/v1/events', list: { detail: '/api/v1/events/{id}', universe: 'select id from events' }, roles: LISTERS },
  { method: 'POST', path: '/api/v1/events', roles: PLANNING },
  { method: 'GET', path: '/api/v1/events/owner-options', roles: PLANNING },
  { method: 'GET', path: '/api/v1/events/{id}', roles: READERS },
  { method: 'PUT', path: '/api/v1/events/{id}', roles: PLANNING },
  { method: 'PUT', path: '/api/v1/events/{id}/minutes', roles: PLANNING },
  { method: 'POST', path: '/api/v1/events/{id}/transitions', roles: PLANNING },
  { method: 'GET', path: '/api/v1/events/{id}/minutes.docx', roles: READERS, note: 'published minutes: every reader of the event' },
  { method: 'POST', path: '/api/v1/events/{id}/materials', roles: PLANNING },
  { method: 'GET', path: '/api/v1/events/{id}/materials/{materialId}', roles: READERS },
  // The fixture's events have their minutes published, so a permitted removal is refused with 409 and removes nothing.
  { method: 'DELETE', path: '/api/v1/events/{id}/materials/{materialId}', roles: PLANNING },
  { method: 'POST', path: '/api/v1/events/{id}/action-items', roles: PLANNING },
  {
    method: 'GET',
    path: '/api/v1/action-items',
    // By default the items of one's own organisation (scope=mine): one view among several.
    list: { detail: '/api/v1/action-items/{itemId}', universe: 'select id from event_action_items', view: true },
    roles: LISTERS,
  },
  { method: 'GET', path: '/api/v1/action-items/export.xlsx', roles: LISTERS },
  { method: 'GET', path: '/api/v1/action-items/{itemId}', roles: READERS },
  { method: 'PUT', path: '/api/v1/action-items/{itemId}', roles: PLANNING },
  {
    method: 'POST',
    path: '/api/v1/action-items/{itemId}/updates',
    // The owner organisation (宁波's item: the city) logs progress, and the planning department; a province sees its city's item but may not.
    roles: { city_applicant: ONLY_OWN, provincial_authority: [403, 404], ministry_planning: OK },
  },
  {
    method: 'POST',
    path: '/api/v1/action-items/{itemId}/close',
    note: 'only the owner organisation closes its item, with a closing note',
    roles: { city_applicant: ONLY_OWN, provincial_authority: [403, 404] },
  },
  { method: 'POST', path: '/api/v1/action-items/{itemId}/reopen', roles: PLANNING },
];
