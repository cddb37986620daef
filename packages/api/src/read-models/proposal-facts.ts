import type { Database } from '@ratify/db';
import { latestAcceptedVoteHeights, listProposals } from '@ratify/db';
import { auditCounters, estimateCountdown, type Lifecycle } from '@ratify/governance';
import { type ReadContext, readContextOf } from './cache/define-view';
import { chainContextView } from './chain-context';
import { lifecyclesFor, talliesFor } from './proposal';

/**
 * What the alert rules judge of each proposal: its terms, lifecycle, countdowns and audit,
 * without the page's voter lists, vote log and tally history. For every proposal at once
 * with a fixed number of queries, so judging fifty proposals costs about what one costs.
 *
 * A proposal id held by two chain-networks is judged once, on the earliest submitted, as the
 * proposal page shows it. `only` limits the answer to the proposals it accepts.
 */
export async function proposalAlertFacts(
  from: ReadContext | Database,
  options: {
    now: number;
    /** The proposals as `listProposals` reads them, when the caller has them already. */
    rows?: Awaited<ReturnType<typeof listProposals>>;
    only?: (p: {
      chainNetworkId: string;
      proposalId: string;
      votingEndsHeight: number;
      activationHeight: number;
    }) => boolean;
  },
) {
  const ctx = readContextOf(from);
  const [all, chain, lastVotes] = await Promise.all([
    options.rows ?? listProposals(ctx.db),
    chainContextView.read(ctx, undefined),
    latestAcceptedVoteHeights(ctx.db),
  ]);
  // listProposals is newest first: the last row seen of an id is its earliest submission.
  const earliest = new Map(all.map((r) => [r.proposal.proposalId, r]));
  const rows = [...earliest.values()].filter((r) => options.only?.(r.proposal) ?? true);
  if (rows.length === 0) return [];
  const tallies = await talliesFor(ctx, rows, chain);
  const lives = await lifecyclesFor(ctx, tallies, chain);
  const lastVote = new Map(lastVotes.map((v) => [`${v.chainNetworkId}/${v.proposalId}`, v.height]));
  return tallies.map(({ row, votingOpen, tally }, i) => {
    const p = row.proposal;
    const blocks = chain.blocks.get(p.chainNetworkId) ?? [];
    const onchain = p.onchainCounters;
    return {
      chainNetworkId: p.chainNetworkId,
      proposalId: p.proposalId,
      votingOpen,
      lifecycle: lives[i] as Lifecycle,
      terms: {
        sourceNetwork: p.sourceNetwork,
        targetNetwork: p.targetNetwork,
        createdAtHeight: p.createdAtHeight,
        votingEndsHeight: p.votingEndsHeight,
        activationHeight: p.activationHeight,
      },
      countdown: {
        votingEnds: estimateCountdown({
          blocks,
          targetHeight: p.votingEndsHeight,
          now: options.now,
        }),
        activation: estimateCountdown({
          blocks,
          targetHeight: p.activationHeight,
          now: options.now,
        }),
      },
      audit: onchain
        ? { readHeight: p.onchainReadHeight, mismatches: auditCounters(tally, onchain) }
        : null,
      /** The height of the latest accepted vote; -1 when none. */
      lastAcceptedVoteHeight: lastVote.get(`${p.chainNetworkId}/${p.proposalId}`) ?? -1,
    };
  });
}

export type ProposalAlertFacts = Awaited<ReturnType<typeof proposalAlertFacts>>[number];
