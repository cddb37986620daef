import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { alertsView, listAlertHistory } from '../read-models/alerts';
import { publicProcedure } from '../trpc';

export const alertsRouter = {
  /** The banner: recorded events whose condition still holds. */
  list: publicProcedure.query(({ ctx }) => alertsView.read(ctx, undefined)),
  /** Every recorded event, newest first. */
  history: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }).optional())
    .query(({ ctx, input }) => listAlertHistory(ctx.db, input?.limit ?? 50)),
} satisfies TRPCRouterRecord;
