/** What other features may use of the province's part: the overview of an authority's pilots. */
export { overview as provinceOverview } from './provincial-work.service.js';
