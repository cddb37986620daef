export type { ChoiceName, ProposalSummary, ProposalView } from './read-models/proposal';
export type { SplitView } from './read-models/split';
export { type AppRouter, appRouter, createCaller } from './root';
export type { ApiContext } from './trpc';
export {
  createVoteRateLimits,
  DEFAULT_VOTE_RELAY_RATE,
  rateSchema,
  type VoteRateLimits,
} from './vote-relay/rate-limit';
