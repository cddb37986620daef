import type { Tally } from './tally';
import type { Committee } from './types';

export type ProjectedChoice = 'yes' | 'no' | 'abstain' | 'not_voted';

export interface ProjectedValidator {
  address: string;
  stake: bigint;
  choice: ProjectedChoice;
}

export interface ProjectedSide {
  validators: ProjectedValidator[];
  count: number;
  stake: bigint;
  /** Share of the old committee's stake in basis points, rounded down; display only. */
  stakeBps: number;
  /** More than 2/3 of the old committee's stake: the side can still commit blocks. */
  hasQuorum: boolean;
}

export interface SplitProjection {
  /** Yes voters: they stop on the source network and start the target network. */
  newSide: ProjectedSide;
  /** No, Abstain and non-voters: they keep the source network. */
  oldSide: ProjectedSide;
  totalStake: bigint;
  /** The source chain is predicted to stop producing blocks at activation. */
  oldChainHalts: boolean;
  newChainHasQuorum: boolean;
}

export interface ProjectSplitParameters {
  tally: Tally;
  /** The committee at activation (today's committee before it). */
  committee: Committee;
}

/**
 * BFT liveness needs more than 2/3 of the committee's stake: `3 * side > 2 * total`.
 * Both sides are measured against the committee they were running with, the old one:
 * at the split each side's validators keep the stake they had there, and a side holding
 * no more than 2/3 of it cannot form a quorum under that committee. A new genesis may
 * name a smaller committee; the projection stays on the cautious side and reports it.
 */
export function hasBftQuorum(sideStake: bigint, totalStake: bigint): boolean {
  return 3n * sideStake > 2n * totalStake;
}

function bps(part: bigint, total: bigint): number {
  return total === 0n ? 0 : Number((part * 10_000n) / total);
}

/** Which validators go to each side at activation, with count, stake and quorum per side. */
export function projectSplit({ tally, committee }: ProjectSplitParameters): SplitProjection {
  const choiceOf = new Map<string, ProjectedChoice>();
  for (const body of [tally.governors, tally.public]) {
    for (const a of body.yes) choiceOf.set(a, 'yes');
    for (const a of body.no) choiceOf.set(a, 'no');
    for (const a of body.abstain) choiceOf.set(a, 'abstain');
  }
  const seen = new Set<string>();
  const moving: ProjectedValidator[] = [];
  const staying: ProjectedValidator[] = [];
  let totalStake = 0n;
  for (const { address, stake } of committee) {
    if (seen.has(address)) continue;
    seen.add(address);
    totalStake += stake;
    const choice = choiceOf.get(address) ?? 'not_voted';
    (choice === 'yes' ? moving : staying).push({ address, stake, choice });
  }
  const side = (validators: ProjectedValidator[]): ProjectedSide => {
    const stake = validators.reduce((sum, v) => sum + v.stake, 0n);
    return {
      validators,
      count: validators.length,
      stake,
      stakeBps: bps(stake, totalStake),
      hasQuorum: hasBftQuorum(stake, totalStake),
    };
  };
  const newSide = side(moving);
  const oldSide = side(staying);
  return {
    newSide,
    oldSide,
    totalStake,
    oldChainHalts: !oldSide.hasQuorum,
    newChainHasQuorum: newSide.hasQuorum,
  };
}
