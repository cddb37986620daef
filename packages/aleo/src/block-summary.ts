import { blockAuthors, blockLeader, governanceTransitions } from './block-helpers';
import type { Block } from './schemas/block';

/** A few lines an operator reads to see what a node served. */
export function blockSummary(block: Block, program = 'credits.alpha'): string[] {
  const m = block.header.metadata;
  const accepted = block.transactions.filter((t) => t.status === 'accepted').length;
  const rejected = block.transactions.length - accepted;
  const governance = governanceTransitions(block, program);
  const lines = [
    `height        ${m.height}`,
    `network       ${m.network}`,
    `round         ${m.round}`,
    `hash          ${block.block_hash}`,
    `authority     ${block.authority.type}`,
    `leader        ${blockLeader(block) ?? '-'}`,
    `authors       ${blockAuthors(block).length}`,
    `transactions  ${block.transactions.length} (${accepted} accepted, ${rejected} rejected)`,
    `governance    ${governance.length}`,
  ];
  for (const g of governance) {
    const what =
      g.function === 'vote_network_upgrade'
        ? `proposal ${g.call.proposalId} choice ${g.call.choice}`
        : `proposal ${g.call.proposalId} ${g.call.sourceNetwork}->${g.call.targetNetwork} at ${g.call.activationHeight}`;
    lines.push(
      `  #${g.index} ${g.function} ${g.status} by ${g.caller}: ${what} (${g.transactionId})`,
    );
  }
  return lines;
}
