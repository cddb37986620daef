import type { TRPCRouterRecord } from '@trpc/server';
import { buildSplitView } from '../read-models/split';
import { publicProcedure } from '../trpc';

export const splitRouter = {
  get: publicProcedure.query(({ ctx }) => buildSplitView(ctx.db)),
} satisfies TRPCRouterRecord;
