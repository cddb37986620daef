import { z } from 'zod';
import {
  address,
  blockHash,
  fieldText,
  safeInt,
  safeUint,
  signature,
  stateRoot,
  u64,
  u128,
} from './primitives';
import { confirmedTransactionSchema } from './transaction';

export const metadataSchema = z.object({
  network: safeUint,
  round: safeUint,
  height: safeUint,
  cumulative_weight: u128,
  cumulative_proof_target: u128,
  coinbase_target: u64,
  proof_target: u64,
  last_coinbase_target: u64,
  last_coinbase_timestamp: safeInt,
  timestamp: safeInt,
});

export const headerSchema = z.object({
  previous_state_root: stateRoot,
  transactions_root: fieldText,
  finalize_root: fieldText,
  ratifications_root: fieldText,
  solutions_root: fieldText,
  subdag_root: fieldText,
  metadata: metadataSchema,
});

export const batchHeaderSchema = z.object({
  batch_id: fieldText,
  author: address,
  round: safeUint,
  timestamp: safeInt,
  committee_id: fieldText,
  transmission_ids: z.array(z.string()),
  previous_certificate_ids: z.array(fieldText),
  signature,
});

export const batchCertificateSchema = z.object({
  batch_header: batchHeaderSchema,
  signatures: z.array(signature),
});

export const beaconAuthoritySchema = z.object({ type: z.literal('beacon'), signature });

export const quorumAuthoritySchema = z.object({
  type: z.literal('quorum'),
  subdag: z.object({
    /** Certificates by round; the keys are decimal round numbers. */
    subdag: z.record(
      z.string().regex(/^[0-9]+$/, 'expected a round number'),
      z.array(batchCertificateSchema),
    ),
    election_certificate_ids: z.array(fieldText).optional(),
  }),
});

export const authoritySchema = z.discriminatedUnion('type', [
  beaconAuthoritySchema,
  quorumAuthoritySchema,
]);

/** `members`: address -> [stake, is_open, commission]; older nodes omit commission. */
export const committeeSchema = z.object({
  id: fieldText,
  starting_round: safeUint,
  members: z.record(
    address,
    z.union([z.tuple([u64, z.boolean(), z.number().int()]), z.tuple([u64, z.boolean()])]),
  ),
  total_stake: u64,
});

export const ratificationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('block_reward'), amount: u64 }),
  z.object({ type: z.literal('puzzle_reward'), amount: u64 }),
  z.object({
    type: z.literal('genesis'),
    committee: committeeSchema,
    public_balances: z.record(address, u64),
    bonded_balances: z.record(address, z.tuple([address, address, u64])).optional(),
    /** Delta's genesis names the Alpha genesis it belongs to. */
    alpha_genesis_hash: blockHash.optional(),
    alpha_network_id: safeUint.optional(),
  }),
]);

export const solutionSchema = z.object({
  partial_solution: z.object({
    solution_id: z.string().startsWith('solution1'),
    epoch_hash: blockHash,
    address,
    counter: u64,
  }),
  target: u64,
});

export const solutionsSchema = z.object({
  version: z.number().int(),
  solutions: z.object({ solutions: z.array(solutionSchema) }).optional(),
});

export const blockSchema = z.object({
  block_hash: blockHash,
  previous_hash: blockHash,
  header: headerSchema,
  authority: authoritySchema,
  ratifications: z.array(ratificationSchema),
  solutions: solutionsSchema,
  aborted_solution_ids: z.array(z.string()),
  transactions: z.array(confirmedTransactionSchema),
  aborted_transaction_ids: z.array(z.string()),
});

export type BlockMetadata = z.infer<typeof metadataSchema>;
export type BlockHeader = z.infer<typeof headerSchema>;
export type BatchCertificate = z.infer<typeof batchCertificateSchema>;
export type Authority = z.infer<typeof authoritySchema>;
export type Committee = z.infer<typeof committeeSchema>;
export type Ratification = z.infer<typeof ratificationSchema>;
export type Solution = z.infer<typeof solutionSchema>;
export type Block = z.infer<typeof blockSchema>;
