/** What other parts of the web may use of attainment: the pilot page's attainment tab (the route puts it into the page's slot) and its keys. */
export { AttainmentTab } from './attainment-tab';
export { attainmentKeys } from './attainment-queries';
