import type { TRPCRouterRecord } from '@trpc/server';
import { genesisPollFor } from '../genesis/genesis-poll';
import { splitView } from '../read-models/split';
import { publicProcedure } from '../trpc';

export const splitRouter = {
  get: publicProcedure.query(({ ctx }) => splitView.read(ctx, undefined)),
  /** What the governors' nodes answer for `/genesis/hash`, against the 67% rule. */
  genesis: publicProcedure.query(async ({ ctx }) => {
    const nodes = ctx.governorNodes ?? [];
    return nodes.length === 0 ? null : genesisPollFor(nodes).read();
  }),
} satisfies TRPCRouterRecord;
