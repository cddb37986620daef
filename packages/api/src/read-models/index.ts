export { type Alert, type AlertDelivery, buildAlerts, listAlertHistory } from './alerts';
export {
  createViewStore,
  defineView,
  type ReadContext,
  type View,
  type ViewStore,
} from './cache/define-view';
export { checkpointVersions, type VersionSource } from './cache/version-source';
export { createVersionTracker, type Versions, type VersionTracker } from './cache/versions';
export { chainProduction } from './production';
export {
  buildProposalView,
  type ChoiceName,
  choiceName,
  listProposalSummaries,
  type ProposalSummary,
  type ProposalView,
} from './proposal';
export { buildSplitView, type SplitView } from './split';
