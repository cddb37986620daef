import type { TRPCRouterRecord } from '@trpc/server';
import { buildAlerts } from '../read-models/alerts';
import { publicProcedure } from '../trpc';

export const alertsRouter = {
  list: publicProcedure.query(({ ctx }) => buildAlerts(ctx.db)),
} satisfies TRPCRouterRecord;
