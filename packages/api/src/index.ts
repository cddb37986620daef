export { type AppRouter, appRouter, createCaller } from './root';
export { type ChoiceName, type ProposalSummary, type ProposalView } from './read-models/proposal';
export type { ApiContext } from './trpc';
