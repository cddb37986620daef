import { proposalIdSchema } from '@ratify/aleo';
import type { TRPCRouterRecord } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { proposalSummariesView, proposalView } from '../read-models/proposal';
import {
  MAX_PAGE_SIZE,
  proposalPageView,
  VOTE_PAGE_SIZE,
  VOTER_GROUPS,
  VOTER_PAGE_SIZE,
  validatorSetView,
  votersPageView,
  votesPageView,
} from '../read-models/proposal-page';
import { proposalSearchSchema, searchProposals } from '../read-models/proposal-search';
import { publicProcedure } from '../trpc';

const byId = z.object({ proposalId: proposalIdSchema });
const limit = (fallback: number) => z.number().int().min(1).max(MAX_PAGE_SIZE).default(fallback);

function found<T>(value: T | null, proposalId: string): T {
  if (value === null)
    throw new TRPCError({ code: 'NOT_FOUND', message: `no proposal ${proposalId}` });
  return value;
}

export const proposalsRouter = {
  list: publicProcedure.query(({ ctx }) => proposalSummariesView.read(ctx, undefined)),
  /** Filtered, searched, sorted and paged on the server: the list page's state. */
  search: publicProcedure
    .input(proposalSearchSchema)
    .query(({ ctx, input }) => searchProposals(ctx, input)),
  /** The proposal page's first screen: counts instead of lists (see proposal-page.ts). */
  get: publicProcedure
    .input(byId)
    .query(async ({ ctx, input }) =>
      found(await proposalPageView.read(ctx, input.proposalId), input.proposalId),
    ),
  /** Everything of one proposal, every list whole: the public JSON API's answer. */
  full: publicProcedure
    .input(byId)
    .query(async ({ ctx, input }) =>
      found(await proposalView.read(ctx, input.proposalId), input.proposalId),
    ),
  /** One page of a voter tab. */
  voters: publicProcedure
    .input(
      z.object({
        proposalId: proposalIdSchema,
        group: z.enum(VOTER_GROUPS),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: limit(VOTER_PAGE_SIZE),
      }),
    )
    .query(async ({ ctx, input }) =>
      found(await votersPageView.read(ctx, input), input.proposalId),
    ),
  /** One page of the vote log, newest first; `voter` keeps one voter's votes. */
  votes: publicProcedure
    .input(
      z.object({
        proposalId: proposalIdSchema,
        before: z.number().int().min(0).optional(),
        limit: limit(VOTE_PAGE_SIZE),
        voter: z.string().min(1).max(200).optional(),
      }),
    )
    .query(async ({ ctx, input }) => found(await votesPageView.read(ctx, input), input.proposalId)),
  /** A validator set's governors and stakes (the what-if panel's), by the height it was seen. */
  validatorSet: publicProcedure
    .input(
      z.object({ chainNetworkId: z.string().min(1).max(200), height: z.number().int().min(0) }),
    )
    .query(async ({ ctx, input }) => {
      const set = await validatorSetView.read(ctx, input);
      if (!set) throw new TRPCError({ code: 'NOT_FOUND', message: 'no such validator set' });
      return set;
    }),
} satisfies TRPCRouterRecord;
