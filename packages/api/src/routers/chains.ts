import type { TRPCRouterRecord } from '@trpc/server';
import { chainsView } from '../read-models/chains';
import { publicProcedure } from '../trpc';

export const chainsRouter = {
  list: publicProcedure.query(({ ctx }) => chainsView.read(ctx, undefined)),
} satisfies TRPCRouterRecord;
