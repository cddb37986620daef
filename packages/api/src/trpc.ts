import type { Database } from '@ratify/db';
import { initTRPC } from '@trpc/server';
import type { RelayConfig } from './vote-relay/relay-config';

/**
 * `relay` is set where the server may hand signed votes to Alpha nodes; `governorNodes`
 * where it may ask governors' nodes for their genesis hash.
 */
export type ApiContext = { db: Database; relay?: RelayConfig; governorNodes?: readonly string[] };

const t = initTRPC.context<ApiContext>().create();

export const createRouter = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
