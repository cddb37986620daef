import {
  decodeSubmitArgs,
  decodeVoteArgs,
  type SubmitNetworkUpgradeArgs,
  type VoteNetworkUpgradeArgs,
} from './governance-structs';
import { parsePlaintext } from './plaintext/parse';
import type { Plaintext } from './plaintext/types';
import type { Block } from './schemas/block';
import type { Execution } from './schemas/transaction';
import type { Transition } from './schemas/transition';

function certificates(block: Block) {
  if (block.authority.type !== 'quorum') return [];
  return Object.entries(block.authority.subdag.subdag).map(([round, certs]) => ({
    round: BigInt(round),
    certs,
  }));
}

/** The distinct certificate authors of a block, in subdag order; empty for a beacon block. */
export function blockAuthors(block: Block): string[] {
  const authors = new Set<string>();
  for (const { certs } of certificates(block)) {
    for (const cert of certs) authors.add(cert.batch_header.author);
  }
  return [...authors];
}

/** The author of the certificate of the highest subdag round; undefined for a beacon block. */
export function blockLeader(block: Block): string | undefined {
  let best: { round: bigint; author: string } | undefined;
  for (const { round, certs } of certificates(block)) {
    const cert = certs[0];
    if (cert && (best === undefined || round > best.round)) {
      best = { round, author: cert.batch_header.author };
    }
  }
  return best?.author;
}

export const GOVERNANCE_FUNCTIONS = ['submit_network_upgrade', 'vote_network_upgrade'] as const;
export type GovernanceFunction = (typeof GOVERNANCE_FUNCTIONS)[number];

type GovernanceTransitionBase = {
  /** The confirmed transaction's id; for a rejected execution this is its fee transaction's id. */
  transactionId: string;
  transitionId: string;
  status: 'accepted' | 'rejected';
  /** Position of the transaction in the block. */
  index: number;
  /** `self.caller`: the future's first argument. */
  caller: string;
  /** The public inputs, decoded. */
  args: Plaintext[];
  futureArguments: Plaintext[];
};

export type GovernanceTransition =
  | (GovernanceTransitionBase & {
      function: 'submit_network_upgrade';
      call: SubmitNetworkUpgradeArgs;
    })
  | (GovernanceTransitionBase & { function: 'vote_network_upgrade'; call: VoteNetworkUpgradeArgs });

export class GovernanceTransitionError extends Error {
  override name = 'GovernanceTransitionError';
}

function executionOf(tx: Block['transactions'][number]): Execution | undefined {
  if (tx.status === 'accepted') {
    return tx.transaction.type === 'execute' ? tx.transaction.execution : undefined;
  }
  return tx.rejected.type === 'execution' ? tx.rejected.execution : undefined;
}

function decodeTransition(t: Transition): {
  args: Plaintext[];
  future: Plaintext[];
  caller: string;
} {
  const args: Plaintext[] = [];
  for (const input of t.inputs) {
    if ((input.type === 'public' || input.type === 'constant') && input.value !== undefined) {
      args.push(parsePlaintext(input.value));
    } else {
      throw new GovernanceTransitionError(`transition ${t.id}: input ${input.id} is not public`);
    }
  }
  const output = t.outputs.find((o) => o.type === 'future');
  if (!output || output.value === undefined) {
    throw new GovernanceTransitionError(`transition ${t.id}: no future output`);
  }
  const future = parsePlaintext(output.value);
  if (future.kind !== 'future') {
    throw new GovernanceTransitionError(`transition ${t.id}: future output is not a future`);
  }
  const caller = future.arguments[0];
  if (caller?.kind !== 'address') {
    throw new GovernanceTransitionError(
      `transition ${t.id}: future's first argument is not an address`,
    );
  }
  return { args, future: future.arguments, caller: caller.value };
}

/**
 * The governance calls in a block, accepted and rejected, with their inputs and future
 * arguments decoded. Throws GovernanceTransitionError when a call does not have the
 * program's shape.
 */
export function governanceTransitions(
  block: Block,
  program = 'credits.alpha',
): GovernanceTransition[] {
  const out: GovernanceTransition[] = [];
  for (const tx of block.transactions) {
    const execution = executionOf(tx);
    if (!execution) continue;
    for (const t of execution.transitions) {
      if (t.program !== program) continue;
      if (t.function !== 'submit_network_upgrade' && t.function !== 'vote_network_upgrade')
        continue;
      const { args, future, caller } = decodeTransition(t);
      const base = {
        transactionId: tx.transaction.id,
        transitionId: t.id,
        status: tx.status,
        index: tx.index,
        caller,
        args,
        futureArguments: future,
      };
      try {
        if (t.function === 'submit_network_upgrade') {
          out.push({ ...base, function: t.function, call: decodeSubmitArgs(args) });
        } else {
          out.push({ ...base, function: t.function, call: decodeVoteArgs(args) });
        }
      } catch (error) {
        throw new GovernanceTransitionError(`transition ${t.id}: ${(error as Error).message}`);
      }
    }
  }
  return out;
}
