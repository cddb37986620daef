import type { TRPCRouterRecord } from '@trpc/server';
import { blockProduction } from '../read-models/block-production';
import { chainsView } from '../read-models/chains';
import { publicProcedure } from '../trpc';

export const chainsRouter = {
  list: publicProcedure.query(({ ctx }) => chainsView.read(ctx, undefined)),
  /** Blocks per minute of each chain-network over the last half hour, for the chart. */
  production: publicProcedure.query(({ ctx }) => blockProduction(ctx.db)),
} satisfies TRPCRouterRecord;
