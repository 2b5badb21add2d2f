/**
 * What other features may use of applications on the web: the plan as a document and the target
 * formatting (ministry review, pilots), the findings list, the application queries and their keys
 * (to refresh an application another feature changed), and the transitions other features' dialogs
 * perform (forward and return by the province, receive by the ministry).
 */
export { PlanDocument } from './plan-document';
export { formatNumber, groupTargets, QUALIFIER_SHORT_KEYS } from './target-format';
export { FindingsList } from './findings-list';
export {
  applicationChanged,
  applicationKeys,
  applicationsQueries,
  useForwardApplication,
  useReceiveApplication,
  useReturnApplication,
} from './applications-queries';
