import type { TRPCRouterRecord } from '@trpc/server';
import { alertsView } from '../read-models/alerts';
import { publicProcedure } from '../trpc';

export const alertsRouter = {
  list: publicProcedure.query(({ ctx }) => alertsView.read(ctx, undefined)),
} satisfies TRPCRouterRecord;
