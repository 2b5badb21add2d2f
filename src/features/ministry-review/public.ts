/** What other features may use of the ministry review: the ministry's view of an application's review (the dossier files it). */
export { reviewOverview } from './review.service.js';
