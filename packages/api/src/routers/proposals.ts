import { proposalIdSchema } from '@ratify/aleo';
import type { TRPCRouterRecord } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { proposalSummariesView, proposalView } from '../read-models/proposal';
import { proposalSearchSchema, searchProposals } from '../read-models/proposal-search';
import { publicProcedure } from '../trpc';

export const proposalsRouter = {
  list: publicProcedure.query(({ ctx }) => proposalSummariesView.read(ctx, undefined)),
  /** Filtered, searched, sorted and paged on the server: the list page's state. */
  search: publicProcedure
    .input(proposalSearchSchema)
    .query(({ ctx, input }) => searchProposals(ctx, input)),
  get: publicProcedure
    .input(z.object({ proposalId: proposalIdSchema }))
    .query(async ({ ctx, input }) => {
      const view = await proposalView.read(ctx, input.proposalId);
      if (!view)
        throw new TRPCError({ code: 'NOT_FOUND', message: `no proposal ${input.proposalId}` });
      return view;
    }),
} satisfies TRPCRouterRecord;
