import { type Block, blockAuthors, blockLeader, governanceTransitions } from '@ratify/aleo';
import type { BlockRow, ProposalRow, VoteRow } from '@ratify/db';

export type DecodedBlock = { block: BlockRow; proposals: ProposalRow[]; votes: VoteRow[] };

/** Turns one chain block into the rows the dashboard reads. Only accepted submits make proposals. */
export function decodeBlock(chainNetworkId: string, block: Block): DecodedBlock {
  const meta = block.header.metadata;
  const height = Number(meta.height);
  const proposals: ProposalRow[] = [];
  const votes: VoteRow[] = [];
  for (const t of governanceTransitions(block)) {
    if (t.function === 'submit_network_upgrade') {
      if (t.status !== 'accepted') continue;
      const p = t.call;
      proposals.push({
        chainNetworkId,
        proposalId: p.proposalId.toString(),
        sourceNetwork: p.sourceNetwork,
        targetNetwork: p.targetNetwork,
        activationHeight: p.activationHeight,
        alphaExpectedHash: p.alphaExpectedHash.toString(),
        alphaParamsHash: p.alphaParamsHash.toString(),
        deltaExpectedHash: p.deltaExpectedHash.toString(),
        deltaParamsHash: p.deltaParamsHash.toString(),
        deltaMinAlphaBlocks: p.deltaMinAlphaBlocks,
        minGovernorValidators: p.minGovernorValidators,
        minPublicValidators: p.minPublicValidators,
        proposer: t.caller,
        createdAtHeight: height,
        votingEndsHeight: p.votingEndsHeight,
        transactionId: t.transactionId,
      });
    } else {
      votes.push({
        chainNetworkId,
        transitionId: t.transitionId,
        transactionId: t.transactionId,
        proposalId: t.call.proposalId.toString(),
        voter: t.caller,
        choice: t.call.choice,
        accepted: t.status === 'accepted',
        height,
        position: t.index,
      });
    }
  }
  return {
    block: {
      chainNetworkId,
      height,
      hash: block.block_hash,
      previousHash: block.previous_hash,
      round: BigInt(meta.round),
      timestamp: Number(meta.timestamp),
      leader: blockLeader(block) ?? null,
      authors: blockAuthors(block),
      transactionCount: block.transactions.length,
    },
    proposals,
    votes,
  };
}
