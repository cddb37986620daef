import { initTRPC } from '@trpc/server';
import type { ReadContext } from './read-models/cache/define-view';
import type { RelayConfig } from './vote-relay/relay-config';

/**
 * `views` is the process's shared read-model cache (see read-models/cache/define-view.ts);
 * `relay` is set where the server may hand signed votes to Alpha nodes; `governorNodes`
 * where it may ask governors' nodes for their genesis hash.
 */
export type ApiContext = ReadContext & { relay?: RelayConfig; governorNodes?: readonly string[] };

const t = initTRPC.context<ApiContext>().create();

export const createRouter = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
