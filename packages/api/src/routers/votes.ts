import { CREDITS_PROGRAM, isAddress, proposalIdSchema, VOTE_FUNCTION } from '@ratify/aleo';
import { indexedHeight, validatorSetAt } from '@ratify/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { type ApiContext, publicProcedure } from '../trpc';
import { spend, VoteRateLimited } from '../vote-relay/rate-limit';
import type { RelayConfig } from '../vote-relay/relay-config';
import { RelayError } from '../vote-relay/relay-to-node';
import { currentHeight, findVoteTarget, submitVote, VoteRefused } from '../vote-relay/submit-vote';
import { voteStatus } from '../vote-relay/vote-status';

/** Blocks a signed vote stays valid: long enough to be included, short enough not to linger. */
export const VOTE_VALIDITY_BLOCKS = 20;

const addressSchema = z.string().refine((s) => isAddress(s), 'not a bech32m address');
const transactionIdSchema = z
  .string()
  .regex(/^at1[02-9ac-hj-np-z]{20,}$/, 'expected an at1… transaction id');
const transitionIdSchema = z
  .string()
  .regex(/^au1[02-9ac-hj-np-z]{20,}$/, 'expected an au1… transition id');

function relayOf(ctx: ApiContext): RelayConfig {
  if (!ctx.relay || ctx.relay.alphaNodes.length === 0) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'this dashboard relays no votes: ALPHA_NODES is not configured',
    });
  }
  return ctx.relay;
}

async function targetOf(ctx: ApiContext, proposalId: string) {
  const target = await findVoteTarget(ctx.db, proposalId);
  if (!target)
    throw new TRPCError({ code: 'NOT_FOUND', message: `no proposal ${proposalId}field` });
  return target;
}

export const votesRouter = {
  /** What a browser wallet needs before it can show an address or sign. */
  config: publicProcedure.query(({ ctx }) => ({
    chain: 'alpha' as const,
    hrp: ctx.relay?.hrp ?? 'ax',
    program: CREDITS_PROGRAM,
    function: VOTE_FUNCTION,
    relayNodes: ctx.relay?.alphaNodes.length ?? 0,
    validityBlocks: VOTE_VALIDITY_BLOCKS,
  })),

  /** Fetched just before signing: the network and height the vote's expiry is counted from. */
  signingContext: publicProcedure
    .input(z.object({ proposalId: proposalIdSchema }))
    .query(async ({ ctx, input }) => {
      const relay = relayOf(ctx);
      const target = await targetOf(ctx, input.proposalId);
      const head = await currentHeight(ctx.db, relay, target);
      if (!head)
        throw new TRPCError({
          code: 'BAD_GATEWAY',
          message: 'no Alpha node answered and nothing is indexed yet',
        });
      return {
        chain: 'alpha' as const,
        hrp: relay.hrp,
        networkId: target.networkId,
        proposalId: target.proposalId,
        chainNetworkId: target.chainNetworkId,
        votingEndsHeight: target.votingEndsHeight,
        currentHeight: head.height,
        heightSource: head.source,
        expiresAtHeight: head.height + VOTE_VALIDITY_BLOCKS,
      };
    }),

  /** Whether this address may vote on the proposal: governor, public validator (committee), or neither. */
  eligibility: publicProcedure
    .input(z.object({ proposalId: proposalIdSchema, address: addressSchema }))
    .query(async ({ ctx, input }) => {
      const target = await targetOf(ctx, input.proposalId);
      const head = (await indexedHeight(ctx.db, target.chainNetworkId)) ?? 0;
      // The rule counts the set at voting_ends_height; while voting is open, the current one.
      const atHeight = Math.min(head, target.votingEndsHeight);
      const set = await validatorSetAt(ctx.db, target.chainNetworkId, atHeight);
      const role = !set
        ? ('unknown' as const)
        : set.governors.includes(input.address)
          ? ('governor' as const)
          : set.committee.some((m) => m.address === input.address)
            ? ('public' as const)
            : ('none' as const);
      return { role, atHeight };
    }),

  submit: publicProcedure
    .input(z.object({ transaction: z.record(z.string(), z.unknown()) }))
    .mutation(async ({ ctx, input }) => {
      const relay = relayOf(ctx);
      try {
        if (relay.limits) spend(relay.limits, 'client', ctx.client ?? 'unknown');
        return await submitVote(ctx.db, relay, input.transaction);
      } catch (e) {
        if (e instanceof VoteRateLimited)
          throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: e.message, cause: e });
        if (e instanceof VoteRefused)
          throw new TRPCError({ code: 'BAD_REQUEST', message: e.message, cause: e });
        if (e instanceof RelayError) {
          throw new TRPCError({
            code: e.refused ? 'BAD_REQUEST' : 'BAD_GATEWAY',
            message: e.message,
            cause: e,
          });
        }
        throw e;
      }
    }),

  status: publicProcedure
    .input(
      z
        .object({
          transactionId: transactionIdSchema.optional(),
          transitionId: transitionIdSchema.optional(),
          chainNetworkId: z.string().max(200).optional(),
          expiresAtHeight: z.number().int().nonnegative().optional(),
          cast: z
            .object({
              proposalId: proposalIdSchema,
              voter: addressSchema,
              choice: z.union([z.literal(1), z.literal(2), z.literal(3)]),
              afterHeight: z.number().int().nonnegative(),
            })
            .optional(),
        })
        .refine(
          (q) => q.transactionId || q.transitionId || (q.cast && q.chainNetworkId),
          'give a transaction id, a transition id, or the cast vote with its chain-network',
        ),
    )
    .query(({ ctx, input }) => voteStatus(ctx.db, input)),
} satisfies TRPCRouterRecord;
