import type { TRPCRouterRecord } from '@trpc/server';
import { buildOverview } from '../read-models/overview';
import { publicProcedure } from '../trpc';

export const overviewRouter = {
  get: publicProcedure.query(({ ctx }) => buildOverview(ctx.db)),
} satisfies TRPCRouterRecord;
