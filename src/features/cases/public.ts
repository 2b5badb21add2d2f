/** What the composition root uses of the case library: its routes. */
export { caseRoutes } from './cases.routes.js';
// The public portal: the published library, searched in Chinese, without a signed-in user.
export { searchPublishedCases, publishedCase, publishedCasesOfPilot, type PublishedCase, type PublishedCaseHit, type PublishedSearchResult } from './cases.public-library.js';
