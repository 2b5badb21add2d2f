/** What other features may use of policy resources: the configured programme list. */
export { getProgrammes } from './policy-resources.service.js';
