/** What other features may use of auth on the server: setting a password under the identity rules. */
export { refuseWeakPassword, setPassword } from './passwords.js';
