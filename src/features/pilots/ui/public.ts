/**
 * What other features may use of pilots on the web: the pilot of an approved application (the review
 * tab shows it), its approval reply links, the keys an approval invalidates, and the pilot's type.
 */
export { pilotLinks } from './pilots-api';
export { pilotKeys, pilotsQueries } from './pilots-queries';
export type { Pilot, PilotAbility } from '../pilots.contract';
