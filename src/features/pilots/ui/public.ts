/**
 * What other features may use of pilots on the web: the pilot of an approved application (the review
 * tab shows it), its approval reply links, the keys an approval invalidates, and the pilot's type.
 */
export { pilotLinks } from './pilots-api';
export { pilotKeys, pilotsQueries, usePilotChanged } from './pilots-queries';
export { PilotStateTag } from './pilot-state-tag';
export type { Pilot, PilotAbility, PilotCycle } from '../pilots.contract';
