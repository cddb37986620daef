import { z } from 'zod';
import { fieldText, groupText, identifier, programId, transitionId } from './primitives';

const plainInput = z.object({
  type: z.enum(['constant', 'public']),
  id: fieldText,
  /** Plaintext text; absent when the value was not revealed. */
  value: z.string().optional(),
});
const privateValue = z.object({
  type: z.literal('private'),
  id: fieldText,
  value: z.string().startsWith('ciphertext1').optional(),
});
const externalRecord = z.object({ type: z.literal('external_record'), id: fieldText });

export const transitionInputSchema = z.discriminatedUnion('type', [
  plainInput,
  privateValue,
  z.object({ type: z.literal('record'), id: fieldText, tag: fieldText }),
  externalRecord,
]);

export const transitionOutputSchema = z.discriminatedUnion('type', [
  plainInput,
  privateValue,
  z.object({
    type: z.literal('record'),
    id: fieldText,
    checksum: fieldText,
    value: z.string().startsWith('record1').optional(),
    sender_ciphertext: z.string().optional(),
  }),
  externalRecord,
  z.object({
    type: z.literal('future'),
    id: fieldText,
    /** The future's printed form (see parsePlaintext). */
    value: z.string().optional(),
  }),
]);

export const transitionSchema = z.object({
  id: transitionId,
  program: programId,
  function: identifier,
  inputs: z.array(transitionInputSchema),
  outputs: z.array(transitionOutputSchema),
  tpk: groupText,
  tcm: fieldText,
  scm: fieldText,
});

export type TransitionInput = z.infer<typeof transitionInputSchema>;
export type TransitionOutput = z.infer<typeof transitionOutputSchema>;
export type Transition = z.infer<typeof transitionSchema>;
