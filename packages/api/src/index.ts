export type { OverviewView } from './read-models/overview';
export type { ChoiceName, ProposalSummary, ProposalView } from './read-models/proposal';
export type {
  ProposalPage,
  ValidatorSetView,
  VoterGroup,
  VotersPage,
  VotesPage,
} from './read-models/proposal-page';
export type { ProposalSearch, ProposalSearchResult } from './read-models/proposal-search';
export type { SplitView } from './read-models/split';
export type { ValidatorView } from './read-models/validator';
export { type AppRouter, appRouter, createCaller } from './root';
export { validatorAddressSchema } from './routers/validators';
export type { ApiContext } from './trpc';
export {
  createVoteRateLimits,
  DEFAULT_VOTE_RELAY_RATE,
  rateSchema,
  type VoteRateLimits,
} from './vote-relay/rate-limit';
