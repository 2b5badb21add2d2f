/** What other features may use of evaluations: the scheme in force (the settings page of another feature may show it). */
export { schemeSetting } from './evaluations.service.js';
