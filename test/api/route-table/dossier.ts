/**
 * The route table: the one-click dossier 完整档案 (format: README.md). Whoever may download it sees
 * the object: a city its own application in every state, a province its cities' once submitted, the
 * planning department what provinces forwarded; a pilot's dossier as the pilot itself.
 */
import { inStates, OK, ONLY_OWN, type RouteEntry } from './types.js';

export const dossierRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/dossier.zip',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/dossier.zip',
    roles: { city_applicant: ONLY_OWN, provincial_authority: ONLY_OWN, ministry_planning: OK },
  },
];
