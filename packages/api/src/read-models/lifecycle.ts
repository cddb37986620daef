import { fieldToBlockHash } from '@ratify/aleo';
import { blockAt, type Database, type ProposalRecord, validatorSetAt } from '@ratify/db';
import {
  type Approval,
  type Lifecycle,
  lifecycle,
  type ProposalTerms,
  proposalValidity,
} from '@ratify/governance';
import { type ChainContext, loadChainContext } from './chain-context';

export type { Lifecycle };

/** The stored row as the rules' value; counters are the program's own where read. */
export function termsOf(p: ProposalRecord): ProposalTerms {
  return {
    proposalId: BigInt(p.proposalId),
    sourceNetwork: p.sourceNetwork,
    targetNetwork: p.targetNetwork,
    activationHeight: p.activationHeight,
    alphaExpectedHash: BigInt(p.alphaExpectedHash),
    alphaParamsHash: BigInt(p.alphaParamsHash),
    deltaExpectedHash: BigInt(p.deltaExpectedHash),
    deltaParamsHash: BigInt(p.deltaParamsHash),
    deltaMinAlphaBlocks: p.deltaMinAlphaBlocks,
    minGovernorValidators: p.minGovernorValidators,
    minPublicValidators: p.minPublicValidators,
    governorYesVotes: p.onchainCounters?.governorYesVotes ?? 0,
    governorNoVotes: p.onchainCounters?.governorNoVotes ?? 0,
    publicYesVotes: p.onchainCounters?.publicYesVotes ?? 0,
    publicNoVotes: p.onchainCounters?.publicNoVotes ?? 0,
    proposer: p.proposer,
    createdAtHeight: p.createdAtHeight,
    votingEndsHeight: p.votingEndsHeight,
  };
}

/** What the lifecycle reads besides the proposal: the chains, and two facts of its own. */
export type LifecycleFacts = {
  chain: ChainContext;
  governorsAtCreation: string[] | undefined;
  activatedAt: number | undefined;
};

/**
 * Where a proposal stands, from what is indexed: its validity, the approval, the source
 * chain's height and, after activation, the networks the upgrade started.
 */
export function lifecycleOf(
  row: { proposal: ProposalRecord; networkId: number },
  approval: Approval,
  sourceHeight: number,
  facts: LifecycleFacts,
): Lifecycle {
  const p = row.proposal;
  const terms = termsOf(p);
  const validity = proposalValidity(terms, {
    network: row.networkId,
    governorsAtCreation: facts.governorsAtCreation,
  });
  const { listed, heights, production } = facts.chain;
  const networks = listed.map((n) => n.network);
  const stalled = (id: string) => production.get(id)?.stall.stalled ?? false;
  const newAlpha = networks.find(
    (n) => n.chain === 'alpha' && n.networkId === p.targetNetwork && n.id !== p.chainNetworkId,
  );
  const newDelta = networks.find((n) => n.chain === 'delta' && n.networkId === p.targetNetwork);
  return lifecycle({
    proposal: terms,
    validity,
    approval,
    sourceHeight,
    expected: {
      alphaGenesisHash: fieldToBlockHash(terms.alphaExpectedHash),
      deltaGenesisHash: fieldToBlockHash(terms.deltaExpectedHash),
    },
    newAlpha: newAlpha && {
      genesisHash: newAlpha.genesisHash,
      height: heights.get(newAlpha.id) ?? 0,
      stalled: stalled(newAlpha.id),
    },
    newDelta: newDelta && {
      genesisHash: newDelta.genesisHash,
      height: heights.get(newDelta.id) ?? 0,
      stalled: stalled(newDelta.id),
      alphaGenesisHash: newDelta.alphaGenesisHash ?? '',
      alphaNetworkId: newDelta.alphaNetworkId ?? -1,
    },
    now: Math.floor(Date.now() / 1000),
    activatedAt: facts.activatedAt,
  });
}

/** `lifecycleOf`, reading its facts from the database (for callers outside the views). */
export async function lifecycleFor(
  db: Database,
  row: { proposal: ProposalRecord; networkId: number },
  approval: Approval,
  sourceHeight: number,
): Promise<Lifecycle> {
  const p = row.proposal;
  const [atCreation, chain, activation] = await Promise.all([
    validatorSetAt(db, p.chainNetworkId, p.createdAtHeight),
    loadChainContext(db),
    blockAt(db, p.chainNetworkId, p.activationHeight),
  ]);
  return lifecycleOf(row, approval, sourceHeight, {
    chain,
    governorsAtCreation: atCreation?.governors,
    activatedAt: activation?.timestamp,
  });
}
