import { canonicalJson } from '@ratify/wallet';
import { blockHashOf, fieldOf, idOf, signatureOf, solutionIdOf, u64Of } from './ids';
import type { BatchCertificate, Block, ConfirmedTransaction, Solution } from './types';

export type BuildBlockParameters = {
  previous: Block;
  height: number;
  timestamp: number;
  /** Addresses of the validators that author certificates, in committee order. */
  authors: string[];
  committeeId: string;
  transactions: ConfirmedTransaction[];
  /** Broadcast ids of `transactions` (a rejected one is stored under its fee transaction's id). */
  transmissionTxIds: string[];
  abortedTransactionIds: string[];
};

const ROUNDS_PER_BLOCK = 2;
const BLOCK_REWARD = 64_993_016;
const PUZZLE_REWARD = 82_421_347;
const TRANSMISSION_CHECKSUM = (id: string) =>
  (u64Of('checksum', id) * u64Of('checksum2', id)).toString();

/**
 * One block as AleoBFT commits it: a subdag of two rounds, every author certifying a batch
 * in the lower round and the leader's certificate alone in the top round (the anchor),
 * which also carries the block's transmissions.
 */
export function buildBlock(p: BuildBlockParameters): Block {
  const prev = p.previous.header.metadata;
  const round = prev.round + ROUNDS_PER_BLOCK;
  const leader = p.authors[(round / ROUNDS_PER_BLOCK) % p.authors.length] ?? p.authors[0] ?? '';
  const seed = `${p.previous.block_hash}/${p.height}`;
  const solution: Solution = {
    partial_solution: {
      solution_id: solutionIdOf('solution', seed),
      epoch_hash: p.previous.block_hash,
      address: leader,
      counter: u64Of('counter', seed),
    },
    target: u64Of('target', seed) >> 4n,
  };
  const transmissions = [
    ...p.transmissionTxIds.map((id) => `${id}.${TRANSMISSION_CHECKSUM(id)}`),
    `${solution.partial_solution.solution_id}.${TRANSMISSION_CHECKSUM(solution.partial_solution.solution_id)}`,
  ];

  const certificate = (
    author: string,
    r: number,
    previousIds: string[],
    ids: string[],
  ): BatchCertificate => {
    const batchId = fieldOf('batch', seed, author, String(r));
    return {
      batch_header: {
        batch_id: batchId,
        author,
        round: r,
        timestamp: p.timestamp,
        committee_id: p.committeeId,
        transmission_ids: ids,
        previous_certificate_ids: previousIds,
        signature: signatureOf('batch', batchId, author),
      },
      signatures: p.authors
        .filter((a) => a !== author)
        .map((a) => signatureOf('endorse', batchId, a)),
    };
  };
  const lowerPrevious = p.authors.map((a) => fieldOf('certificate', p.previous.block_hash, a));
  const lower = p.authors.map((a) => certificate(a, round - 1, lowerPrevious, []));
  const lowerIds = lower.map((c) => fieldOf('certificate', c.batch_header.batch_id));
  const anchor = certificate(leader, round, lowerIds, transmissions);
  const subdag = { [String(round - 1)]: lower, [String(round)]: [anchor] };

  const ratifications = [
    { type: 'block_reward' as const, amount: BLOCK_REWARD },
    { type: 'puzzle_reward' as const, amount: PUZZLE_REWARD },
  ];
  const txIds = p.transactions.map((t) => t.transaction.id);
  const header = {
    previous_state_root: idOf('sr', 'state-root', p.previous.block_hash),
    transactions_root: fieldOf('transactions-root', ...txIds),
    finalize_root: fieldOf('finalize-root', canonicalJson(p.transactions.map((t) => t.finalize))),
    ratifications_root: fieldOf('ratifications-root', canonicalJson(ratifications)),
    solutions_root: fieldOf('solutions-root', solution.partial_solution.solution_id),
    subdag_root: fieldOf('subdag-root', anchor.batch_header.batch_id),
    metadata: {
      network: prev.network,
      round,
      height: p.height,
      cumulative_weight: (BigInt(prev.cumulative_weight) + solution.target).toString(),
      cumulative_proof_target: (BigInt(prev.cumulative_proof_target) + solution.target).toString(),
      coinbase_target: prev.coinbase_target,
      proof_target: prev.proof_target,
      last_coinbase_target: prev.coinbase_target,
      last_coinbase_timestamp: p.timestamp,
      timestamp: p.timestamp,
    },
  };
  return {
    block_hash: blockHashOf(p.previous.block_hash, canonicalJson(header)),
    previous_hash: p.previous.block_hash,
    header,
    authority: { type: 'quorum', subdag: { subdag } },
    ratifications,
    solutions: { version: 1, solutions: { solutions: [solution] } },
    aborted_solution_ids: [],
    transactions: p.transactions,
    aborted_transaction_ids: p.abortedTransactionIds,
  };
}
