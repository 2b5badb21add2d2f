import type { Role } from '../../../shared/roles/roles';

/** Home tabs per role: the queue ("what waits for me") where the role has one, and everything in scope. */
export function roleHasQueue(role: Role): boolean {
  return role === 'city_applicant' || role === 'provincial_authority' || role === 'ministry_planning';
}
