import { z } from 'zod';
import { address, fieldText, identifier, signature, stateRoot, transactionId } from './primitives';
import { transitionSchema } from './transition';

/** The devnet's stand-in for a proof: an ed25519 signature over the call (spec section 8). */
export const executionAuthorizationSchema = z.object({
  signer: z.string().regex(/^[0-9a-f]{64}$/, 'expected a 32-byte hex public key'),
  signature: z.string().regex(/^[0-9a-f]{128}$/, 'expected a 64-byte hex signature'),
});

export const executionSchema = z.object({
  transitions: z.array(transitionSchema).min(1),
  global_state_root: stateRoot,
  proof: z.string().startsWith('proof1').optional(),
  authorization: executionAuthorizationSchema.optional(),
});

export const feeSchema = z.object({
  transition: transitionSchema,
  global_state_root: stateRoot,
  proof: z.string().startsWith('proof1').optional(),
});

export const deploymentSchema = z.object({
  edition: z.number().int().nonnegative(),
  program: z.string(),
  verifying_keys: z.array(z.tuple([identifier, z.tuple([z.string(), z.string()])])),
  // Added by upgradable programs on newer nodes.
  program_checksum: z.string().optional(),
  program_owner: address.optional(),
});

export const programOwnerSchema = z.object({ address, signature });

export const executeTransactionSchema = z.object({
  type: z.literal('execute'),
  id: transactionId,
  execution: executionSchema,
  fee: feeSchema.optional(),
});

export const deployTransactionSchema = z.object({
  type: z.literal('deploy'),
  id: transactionId,
  owner: programOwnerSchema,
  deployment: deploymentSchema,
  fee: feeSchema,
});

export const feeTransactionSchema = z.object({
  type: z.literal('fee'),
  id: transactionId,
  fee: feeSchema,
});

export const transactionSchema = z.discriminatedUnion('type', [
  executeTransactionSchema,
  deployTransactionSchema,
  feeTransactionSchema,
]);

export const finalizeOperationSchema = z.object({
  type: z.enum([
    'initialize_mapping',
    'insert_key_value',
    'update_key_value',
    'remove_key_value',
    'replace_mapping',
    'remove_mapping',
  ]),
  mapping_id: fieldText,
  key_id: fieldText.optional(),
  value_id: fieldText.optional(),
});

/** What a rejected transaction would have done; the stored transaction is then a fee. */
export const rejectedSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('execution'), execution: executionSchema }),
  z.object({
    type: z.literal('deployment'),
    program_owner: programOwnerSchema,
    deployment: deploymentSchema,
  }),
]);

const confirmedBase = {
  type: z.enum(['execute', 'deploy']),
  index: z.number().int().nonnegative(),
  finalize: z.array(finalizeOperationSchema),
};

export const confirmedTransactionSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('accepted'),
    ...confirmedBase,
    transaction: z.discriminatedUnion('type', [executeTransactionSchema, deployTransactionSchema]),
  }),
  z.object({
    status: z.literal('rejected'),
    ...confirmedBase,
    transaction: feeTransactionSchema,
    rejected: rejectedSchema,
  }),
]);

export type ExecutionAuthorization = z.infer<typeof executionAuthorizationSchema>;
export type Execution = z.infer<typeof executionSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type Deployment = z.infer<typeof deploymentSchema>;
export type Transaction = z.infer<typeof transactionSchema>;
export type ExecuteTransaction = z.infer<typeof executeTransactionSchema>;
export type DeployTransaction = z.infer<typeof deployTransactionSchema>;
export type FeeTransaction = z.infer<typeof feeTransactionSchema>;
export type FinalizeOperation = z.infer<typeof finalizeOperationSchema>;
export type Rejected = z.infer<typeof rejectedSchema>;
export type ConfirmedTransaction = z.infer<typeof confirmedTransactionSchema>;
