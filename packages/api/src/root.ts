import { alertsRouter } from './routers/alerts';
import { chainsRouter } from './routers/chains';
import { overviewRouter } from './routers/overview';
import { proposalsRouter } from './routers/proposals';
import { splitRouter } from './routers/split';
import { validatorsRouter } from './routers/validators';
import { votesRouter } from './routers/votes';
import { createCallerFactory, createRouter } from './trpc';

export const appRouter = createRouter({
  proposals: proposalsRouter,
  chains: chainsRouter,
  alerts: alertsRouter,
  split: splitRouter,
  votes: votesRouter,
  overview: overviewRouter,
  validators: validatorsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
