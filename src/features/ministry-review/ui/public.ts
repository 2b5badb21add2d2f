/**
 * What other features and the pages that compose them may use of the ministry review on the web:
 * the review tab and action bar of an application's page, the query keys to refresh an
 * application's review, and the score downloads.
 */
export { ReviewActions } from './review-actions';
export { ReviewTab } from './review-tab';
export { reviewKeys } from './review-queries';
export { reviewLinks } from './review-api';
