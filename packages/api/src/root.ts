import { chainsRouter } from './routers/chains';
import { proposalsRouter } from './routers/proposals';
import { createCallerFactory, createRouter } from './trpc';

export const appRouter = createRouter({
  proposals: proposalsRouter,
  chains: chainsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
