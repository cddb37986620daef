export { type Alert, buildAlerts } from './alerts';
export {
  buildProposalView,
  type ChoiceName,
  choiceName,
  listProposalSummaries,
  type ProposalSummary,
  type ProposalView,
} from './proposal';
export { buildSplitView, type SplitView } from './split';
