/** What other features may use of accounts: setting a password under the identity rules, and checking one. */
export { refuseWeakPassword, setPassword } from './passwords.js';
export { verifyPassword } from './accounts.queries.js';
