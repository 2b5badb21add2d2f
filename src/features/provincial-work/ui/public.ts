/** What other features' UIs may use of the province's part: the keys that refresh its views. */
export { provinceKeys, provinceQueries } from './province-queries';
