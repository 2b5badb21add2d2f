/** What other features may use of pilots: creating one at approval, and the uniqueness of 批复 numbers. */
export { createPilotForApproval, type ApprovalFacts } from './pilots.service.js';
export { documentNoTaken } from './pilots.queries.js';
