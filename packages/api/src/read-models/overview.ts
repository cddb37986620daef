import { type Database, listChainNetworks, listProposals } from '@ratify/db';
import { distanceToApproval, estimateCountdown, type Stall } from '@ratify/governance';
import { lifecycleFor } from './lifecycle';
import { chainProduction, recentBlockTimes } from './production';
import { tallyFor } from './proposal';

export type Production = 'producing' | 'slow' | 'stalled' | 'not_started' | 'unknown';
export type OverviewView = Awaited<ReturnType<typeof buildOverview>>;

/** Phases in which a proposal still asks something of validators or operators. */
const ACTIVE = new Set(['voting', 'approved', 'activating']);

/**
 * The stall judgement, with a warning step before it: slow once the last block is older
 * than half the stall threshold.
 */
export function productionState(height: number | null, stall: Stall | null): Production {
  if (height === 0) return 'not_started';
  if (!stall) return 'unknown';
  if (stall.stalled) return 'stalled';
  return stall.ageSeconds * 2 > stall.thresholdSeconds ? 'slow' : 'producing';
}

/** The home page: every chain-network at a glance, what is being decided, what comes next. */
export async function buildOverview(db: Database) {
  const [listed, rows] = await Promise.all([listChainNetworks(db), listProposals(db)]);
  // Alpha before Delta, each in the order first seen (the old network before the new).
  const ordered = [...listed].sort((a, b) => a.network.chain.localeCompare(b.network.chain));
  const chains = await Promise.all(
    ordered.map(async (n) => {
      const production = await chainProduction(db, n.network.id);
      return {
        id: n.network.id,
        chain: n.network.chain,
        networkId: n.network.networkId,
        genesisHash: n.network.genesisHash,
        head: n.indexedHeight,
        lastBlockTimestamp: n.lastBlockTimestamp,
        medianIntervalMs: production?.stats.medianMs ?? null,
        production: productionState(n.indexedHeight, production?.stall ?? null),
      };
    }),
  );

  const judged = await Promise.all(
    rows.map(async (row) => {
      const t = await tallyFor(db, row);
      const life = await lifecycleFor(db, row, t.approval, t.head);
      return { row, t, life };
    }),
  );
  const active = judged
    .filter((j) => ACTIVE.has(j.life.state))
    .map(({ row, t, life }) => {
      const p = row.proposal;
      const distance = distanceToApproval(t.tally, p, { votingOpen: t.votingOpen });
      return {
        chainNetworkId: p.chainNetworkId,
        proposalId: p.proposalId,
        chain: row.chain,
        sourceNetwork: p.sourceNetwork,
        targetNetwork: p.targetNetwork,
        phase: life.state,
        head: t.head,
        votingEndsHeight: p.votingEndsHeight,
        activationHeight: p.activationHeight,
        approved: t.approval.approved,
        governors: { yes: t.tally.governors.yes.length, size: t.tally.governors.size },
        public: { yes: t.tally.public.yes.length, size: t.tally.public.size },
        distance: {
          reachable: distance.reachable,
          unmet: distance.conditions
            .filter((c) => !c.ok)
            .map((c) => ({ id: c.id, message: c.message, reachable: c.reachable })),
        },
      };
    });

  // The next activation: the nearest one still ahead among proposals that can still activate.
  const upcoming = judged
    .filter(
      (j) =>
        (j.life.state === 'voting' || j.life.state === 'approved') &&
        j.t.head < j.row.proposal.activationHeight,
    )
    .sort((a, b) => a.row.proposal.activationHeight - b.row.proposal.activationHeight)[0];
  const nextActivation = upcoming
    ? {
        proposalId: upcoming.row.proposal.proposalId,
        chain: upcoming.row.chain,
        sourceNetwork: upcoming.row.proposal.sourceNetwork,
        targetNetwork: upcoming.row.proposal.targetNetwork,
        // Until voting ends, activation is conditional on the vote.
        approved: upcoming.t.approval.approved,
        phase: upcoming.life.state,
        countdown: estimateCountdown({
          blocks: await recentBlockTimes(db, upcoming.row.proposal.chainNetworkId, 100),
          targetHeight: upcoming.row.proposal.activationHeight,
          now: Math.floor(Date.now() / 1000),
        }),
      }
    : null;

  return { chains, active, nextActivation };
}
