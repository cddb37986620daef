import type { Database } from '@ratify/db';
import { initTRPC } from '@trpc/server';

export type ApiContext = { db: Database };

const t = initTRPC.context<ApiContext>().create();

export const createRouter = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
