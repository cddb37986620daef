import { type Database, findProposalsById, indexedHeight, validatorSetAt } from '@ratify/db';
import {
  type CheckedVote,
  checkVote,
  proposalMissing,
  type Refusal,
  readVoteCall,
  type VoteTarget,
} from './check-vote';
import { spend } from './rate-limit';
import { networkPathName, nodesForNetwork, type RelayConfig } from './relay-config';
import { broadcastToNodes, latestHeight, RelayError } from './relay-to-node';

/** A vote the relay refuses before any node sees it; `reason` is meant for the voter. */
export class VoteRefused extends Error {
  override name = 'VoteRefused';
}

type Target = VoteTarget & { chainNetworkId: string };

/** The Alpha proposal with this id (the earliest, when two networks hold one). */
export async function findVoteTarget(
  db: Database,
  proposalId: string,
): Promise<Target | undefined> {
  const rows = await findProposalsById(db, proposalId);
  const row = rows.find((r) => r.chain === 'alpha') ?? rows[0];
  if (!row) return undefined;
  return {
    proposalId: row.proposal.proposalId,
    chainNetworkId: row.proposal.chainNetworkId,
    chain: row.chain,
    networkId: row.networkId,
    votingEndsHeight: row.proposal.votingEndsHeight,
  };
}

/**
 * The height a new vote is checked against: the relay node's head when one answers, else the
 * indexed head (a little behind, so an expiry computed from it is conservative).
 */
export async function currentHeight(db: Database, config: RelayConfig, target: Target) {
  const node = await latestHeight(nodesForNetwork(config, target.networkId));
  if (node) return { height: node.height, source: 'node' as const, node: node.node };
  const indexed = await indexedHeight(db, target.chainNetworkId);
  return indexed === undefined ? null : { height: indexed, source: 'index' as const, node: null };
}

export type SubmitVoteResult = {
  transactionId: string;
  transitionId: string;
  node: string;
  proposalId: string;
  chainNetworkId: string;
  choice: 1 | 2 | 3;
  voter: string;
  role: CheckedVote['role'];
  expiresAtHeight: number;
  submittedAtHeight: number;
};

/** Checks a signed vote as a node and the program would, then hands it to an Alpha node. */
export async function submitVote(
  db: Database,
  config: RelayConfig,
  raw: unknown,
): Promise<SubmitVoteResult> {
  const refuse = (r: Refusal): never => {
    throw new VoteRefused(r.reason);
  };
  const call = readVoteCall(raw);
  if (!call.ok) return refuse(call);
  const target = await findVoteTarget(db, call.proposalId);
  if (!target) return refuse({ ok: false, reason: proposalMissing(call.proposalId) });
  const nodes = nodesForNetwork(config, target.networkId);
  if (nodes.length === 0) {
    const network = networkPathName(target.networkId);
    throw new RelayError(`no Alpha node is configured for network ${network}`, false, []);
  }
  const head = await latestHeight(nodes);
  if (!head) throw new RelayError(`no Alpha node answered (${nodes.join(', ')})`, false, []);
  const set = await validatorSetAt(db, target.chainNetworkId, head.height);
  const checked = checkVote(raw, {
    proposal: target,
    currentHeight: head.height,
    hrp: config.hrp,
    validators: set
      ? { governors: set.governors, committee: set.committee.map((m) => m.address) }
      : undefined,
  });
  if (!checked.ok) return refuse(checked);
  // Only a voter whose signature holds is charged: nobody can spend another voter's tokens.
  if (config.limits) spend(config.limits, 'voter', checked.voter);
  const sent = await broadcastToNodes(nodes, JSON.stringify(checked.transaction));
  return {
    transactionId: sent.transactionId,
    transitionId: checked.transaction.execution.transitions[0]?.id ?? '',
    node: sent.node,
    proposalId: checked.proposalId,
    chainNetworkId: target.chainNetworkId,
    choice: checked.choice,
    voter: checked.voter,
    role: checked.role,
    expiresAtHeight: checked.expiresAtHeight,
    submittedAtHeight: head.height,
  };
}
