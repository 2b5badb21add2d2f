/**
 * What other features may use of evaluations: the scheme in force (the settings page of another feature
 * may show it), and a pilot's evaluations with their rounds (the dossier files them).
 */
export { schemeSetting } from './evaluations.service.js';
export { evaluationsOfPilot } from './evaluations.queries.js';
