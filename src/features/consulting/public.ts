/** What other features may use of consulting: a pilot's requests (e.g. for a pilot dashboard). */
export { pilotConsulting } from './consulting.service.js';
