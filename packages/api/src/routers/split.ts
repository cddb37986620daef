import type { TRPCRouterRecord } from '@trpc/server';
import { splitView } from '../read-models/split';
import { publicProcedure } from '../trpc';

export const splitRouter = {
  get: publicProcedure.query(({ ctx }) => splitView.read(ctx, undefined)),
} satisfies TRPCRouterRecord;
