import { isAddress } from '@ratify/aleo';
import type { TRPCRouterRecord } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { buildValidatorView } from '../read-models/validator';
import { publicProcedure } from '../trpc';

/** Any chain's prefix: a Delta author is the same key as the Alpha voter. */
export const validatorAddressSchema = z
  .string()
  .refine((s) => isAddress(s), 'not a bech32m address');

export const validatorsRouter = {
  get: publicProcedure
    .input(z.object({ address: validatorAddressSchema }))
    .query(async ({ ctx, input }) => {
      const view = await buildValidatorView(ctx.db, input.address);
      if (!view)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `${input.address} has never been seen on any indexed chain`,
        });
      return view;
    }),
} satisfies TRPCRouterRecord;
