import { proposalIdSchema } from '@ratify/aleo';
import type { TRPCRouterRecord } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { proposalSummariesView, proposalView } from '../read-models/proposal';
import { publicProcedure } from '../trpc';

export const proposalsRouter = {
  list: publicProcedure.query(({ ctx }) => proposalSummariesView.read(ctx, undefined)),
  get: publicProcedure
    .input(z.object({ proposalId: proposalIdSchema }))
    .query(async ({ ctx, input }) => {
      const view = await proposalView.read(ctx, input.proposalId);
      if (!view)
        throw new TRPCError({ code: 'NOT_FOUND', message: `no proposal ${input.proposalId}` });
      return view;
    }),
} satisfies TRPCRouterRecord;
