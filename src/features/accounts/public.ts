/**
 * What other features may use of accounts: a user's e-mail, opened (the column is sealed at rest with
 * SM4, so no feature reads it directly; the reminder sweeps address their e-mails through this).
 */
export { userEmailsOf } from './accounts.queries.js';
/** Whom the reminder sweeps address: the active users of a role, of organisations, of cities and authorities. */
export { activeUsersOf, activeUsersOfCitiesAndAuthorities, activeUsersWithRole } from './accounts.queries.js';
