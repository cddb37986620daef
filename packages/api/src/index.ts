export type { ChoiceName, ProposalSummary, ProposalView } from './read-models/proposal';
export type { SplitView } from './read-models/split';
export { type AppRouter, appRouter, createCaller } from './root';
export type { ApiContext } from './trpc';
