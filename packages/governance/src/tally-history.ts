import { type ApprovalThresholds, supermajorityRequired } from './approval';
import type { CastVote, Committee, GovernorSet, VoteChoice } from './types';

/** The tally after every vote at one height was applied. */
export interface TallyPoint {
  height: number;
  governorYes: number;
  governorNo: number;
  governorAbstain: number;
  publicYes: number;
  publicNo: number;
  publicAbstain: number;
  /** `gy / G` in basis points, rounded down; null when `G = 0`. */
  governorYesBps: number | null;
  approved: boolean;
}

export interface TallyHistoryParameters {
  /** Accepted votes, in any order. */
  votes: readonly CastVote[];
  governors: GovernorSet;
  committee: Committee;
  thresholds: ApprovalThresholds;
  proposalId?: bigint;
  votingEndsHeight?: number;
  /** When given, the history opens with the empty tally at this height (the submission). */
  startHeight?: number;
}

export interface TallyHistory {
  points: TallyPoint[];
  /** `G` and the governor Yes votes the 67% rule needs, for the chart's line. */
  governors: number;
  /** Committee members that are not governors. */
  publicMembers: number;
  supermajorityRequired: number;
  minGovernorValidators: number;
  minPublicValidators: number;
}

type Counts = [yes: number, no: number, abstain: number];
const SLOT: Record<VoteChoice, 0 | 1 | 2> = { 1: 0, 2: 1, 3: 2 };

/**
 * The tally over block height, one point per height where it changed. Votes are applied
 * in chain order and each one only moves its voter's previous choice, so the whole
 * history costs one pass over the votes, under the same rules as `computeTally`: the
 * latest vote per voter counts, governors count once, and votes for another proposal,
 * after the end of voting or with a bad choice never replace a vote.
 */
export function tallyHistory(params: TallyHistoryParameters): TallyHistory {
  const governorSet = new Set(params.governors);
  const publicSet = new Set(
    params.committee.map((m) => m.address).filter((a) => !governorSet.has(a)),
  );
  const G = governorSet.size;
  const required = supermajorityRequired(G);
  const { minGovernorValidators, minPublicValidators } = params.thresholds;
  const ordered = params.votes
    .filter(
      (v) =>
        (params.proposalId === undefined || v.proposalId === params.proposalId) &&
        (params.votingEndsHeight === undefined || v.height <= params.votingEndsHeight) &&
        (v.choice === 1 || v.choice === 2 || v.choice === 3) &&
        (governorSet.has(v.voter) || publicSet.has(v.voter)),
    )
    // Chain order; the sort is stable, so of two votes at one (height, index) the later in
    // the input is applied last and wins, as `isLaterVote` decides in the tally.
    .sort((a, b) => a.height - b.height || (a.index ?? 0) - (b.index ?? 0));

  const governors: Counts = [0, 0, 0];
  const publics: Counts = [0, 0, 0];
  const current = new Map<string, VoteChoice>();
  const points: TallyPoint[] = [];
  const snapshot = (height: number): TallyPoint => {
    const [gy, gn, ga] = governors;
    const [py, pn, pa] = publics;
    return {
      height,
      governorYes: gy,
      governorNo: gn,
      governorAbstain: ga,
      publicYes: py,
      publicNo: pn,
      publicAbstain: pa,
      governorYesBps: G === 0 ? null : Math.floor((gy * 10_000) / G),
      approved: gy >= required && gy >= minGovernorValidators && py >= minPublicValidators,
    };
  };
  const same = (a: TallyPoint, b: TallyPoint) =>
    a.governorYes === b.governorYes &&
    a.governorNo === b.governorNo &&
    a.governorAbstain === b.governorAbstain &&
    a.publicYes === b.publicYes &&
    a.publicNo === b.publicNo &&
    a.publicAbstain === b.publicAbstain;
  const emit = (height: number) => {
    const point = snapshot(height);
    const last = points[points.length - 1];
    if (last === undefined || !same(last, point)) points.push(point);
  };

  if (params.startHeight !== undefined) points.push(snapshot(params.startHeight));
  for (let i = 0; i < ordered.length; i++) {
    const vote = ordered[i] as CastVote;
    const counts = governorSet.has(vote.voter) ? governors : publics;
    const previous = current.get(vote.voter);
    if (previous !== undefined) counts[SLOT[previous]] -= 1;
    counts[SLOT[vote.choice]] += 1;
    current.set(vote.voter, vote.choice);
    const next = ordered[i + 1];
    if (next === undefined || next.height !== vote.height) emit(vote.height);
  }
  return {
    points,
    governors: G,
    publicMembers: publicSet.size,
    supermajorityRequired: required,
    minGovernorValidators,
    minPublicValidators,
  };
}
