import type { TRPCRouterRecord } from '@trpc/server';
import { genesisPollFor } from '../genesis/genesis-poll';
import { buildSplitView } from '../read-models/split';
import { publicProcedure } from '../trpc';

export const splitRouter = {
  get: publicProcedure.query(({ ctx }) => buildSplitView(ctx.db)),
  /** What the governors' nodes answer for `/genesis/hash`, against the 67% rule. */
  genesis: publicProcedure.query(async ({ ctx }) => {
    const nodes = ctx.governorNodes ?? [];
    return nodes.length === 0 ? null : genesisPollFor(nodes).read();
  }),
} satisfies TRPCRouterRecord;
