export {
  type Alert,
  type AlertDelivery,
  alertsView,
  buildAlerts,
  listAlertHistory,
} from './alerts';
export {
  createViewStore,
  defineView,
  type ReadContext,
  type View,
  type ViewStore,
} from './cache/define-view';
export { checkpointVersions, type VersionSource } from './cache/version-source';
export { createVersionTracker, type Versions, type VersionTracker } from './cache/versions';
export { buildChainsView, chainsView } from './chains';
export { buildFeedEntries, type FeedProposal } from './feed-entries';
export { buildOverview, type OverviewView, type Production, productionState } from './overview';
export { chainProduction } from './production';
export {
  buildProposalView,
  type ChoiceName,
  choiceName,
  listProposalSummaries,
  type ProposalSummary,
  type ProposalView,
  proposalSummariesView,
  proposalView,
} from './proposal';
export { type ProposalAlertFacts, proposalAlertFacts } from './proposal-facts';
export {
  firstScreenOf,
  type ProposalPage,
  proposalPageView,
  VOTE_PAGE_SIZE,
  VOTER_GROUPS,
  VOTER_PAGE_SIZE,
  type VoterGroup,
  type VotersPage,
  type VotesPage,
  validatorSetView,
  votersPageOf,
  votersPageView,
  votesPageOf,
  votesPageView,
} from './proposal-page';
export {
  DEFAULT_PAGE_SIZE,
  matchesQuery,
  PROPOSAL_PHASES,
  PROPOSAL_SORTS,
  type ProposalSearch,
  type ProposalSearchResult,
  parseProposalSearch,
  proposalSearchSchema,
  searchProposals,
} from './proposal-search';
export { buildSplitView, type SplitView, splitView } from './split';
export { buildValidatorView, type ValidatorRole, type ValidatorView } from './validator';
