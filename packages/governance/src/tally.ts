import type { CastVote, Committee, GovernorSet, VoteChoice } from './types';

/** Why a vote was set aside instead of counted. */
export type IneligibleReason =
  /** The voter is neither a governor nor a committee member. */
  | 'not_eligible'
  /** The vote names another proposal. */
  | 'other_proposal'
  /** Cast after `voting_ends_height`; finalize would have rejected it. */
  | 'after_voting_end'
  /** The choice is not 1, 2 or 3. */
  | 'invalid_choice';

export interface IneligibleVote {
  vote: CastVote;
  reason: IneligibleReason;
}

/** Votes of one body (governors, or public validators). Lists follow the set's order. */
export interface BodyTally {
  yes: string[];
  no: string[];
  abstain: string[];
  notVoted: string[];
  /** Members of the body: `G` for governors. */
  size: number;
}

export interface Tally {
  governors: BodyTally;
  /** Committee members that are not governors. */
  public: BodyTally;
  /** The vote that counts for each eligible voter, in input order of first vote. */
  counted: CastVote[];
  /** Earlier votes replaced by a later vote of the same voter. */
  superseded: CastVote[];
  ineligible: IneligibleVote[];
}

export interface ComputeTallyParameters {
  /** Accepted votes, in any order. */
  votes: readonly CastVote[];
  /** Governor set at `voting_ends_height`, or the current set while voting is open. */
  governors: GovernorSet;
  committee: Committee;
  /** When given, votes for other proposals are set aside. */
  proposalId?: bigint;
  /** When given, votes after this height are set aside. */
  votingEndsHeight?: number;
}

/** True when `a` was cast after `b`: by height, then by index within the block. */
export function isLaterVote(a: CastVote, b: CastVote): boolean {
  if (a.height !== b.height) return a.height > b.height;
  // Equal (height, index) cannot happen on chain; the later one in the input then wins.
  return (a.index ?? 0) >= (b.index ?? 0);
}

function isChoice(choice: number): choice is VoteChoice {
  return choice === 1 || choice === 2 || choice === 3;
}

function emptyBody(size: number): BodyTally {
  return { yes: [], no: [], abstain: [], notVoted: [], size };
}

/** Recomputes the tally from accepted votes: latest vote per voter wins. */
export function computeTally(params: ComputeTallyParameters): Tally {
  const { votes, proposalId, votingEndsHeight } = params;
  const governors = [...new Set(params.governors)];
  const governorSet = new Set(governors);
  // A governor who also sits in the committee counts once, as a governor.
  const publicMembers = [...new Set(params.committee.map((m) => m.address))].filter(
    (a) => !governorSet.has(a),
  );
  const publicSet = new Set(publicMembers);

  const ineligible: IneligibleVote[] = [];
  const superseded: CastVote[] = [];
  const latest = new Map<string, CastVote>();
  for (const vote of votes) {
    // These votes would have been rejected by finalize, so they never replace a vote.
    if (proposalId !== undefined && vote.proposalId !== proposalId) {
      ineligible.push({ vote, reason: 'other_proposal' });
    } else if (votingEndsHeight !== undefined && vote.height > votingEndsHeight) {
      ineligible.push({ vote, reason: 'after_voting_end' });
    } else if (!isChoice(vote.choice)) {
      ineligible.push({ vote, reason: 'invalid_choice' });
    } else {
      const previous = latest.get(vote.voter);
      if (previous === undefined) latest.set(vote.voter, vote);
      else if (isLaterVote(vote, previous)) {
        superseded.push(previous);
        latest.set(vote.voter, vote);
      } else superseded.push(vote);
    }
  }

  const counted: CastVote[] = [];
  for (const vote of latest.values()) {
    if (governorSet.has(vote.voter) || publicSet.has(vote.voter)) counted.push(vote);
    else ineligible.push({ vote, reason: 'not_eligible' });
  }

  return {
    governors: fillBody(governors, latest),
    public: fillBody(publicMembers, latest),
    counted,
    superseded,
    ineligible,
  };
}

function fillBody(members: readonly string[], latest: ReadonlyMap<string, CastVote>): BodyTally {
  const body = emptyBody(members.length);
  for (const address of members) {
    const choice = latest.get(address)?.choice;
    if (choice === 1) body.yes.push(address);
    else if (choice === 2) body.no.push(address);
    else if (choice === 3) body.abstain.push(address);
    else body.notVoted.push(address);
  }
  return body;
}

/** The counters of a tally, as plain numbers. */
export interface TallyCounts {
  governorYes: number;
  governorNo: number;
  governorAbstain: number;
  governorNotVoted: number;
  governors: number;
  publicYes: number;
  publicNo: number;
  publicAbstain: number;
  publicNotVoted: number;
  publicMembers: number;
}

/** Counts of each list in a tally. */
export function tallyCounts(tally: Tally): TallyCounts {
  const g = tally.governors;
  const p = tally.public;
  return {
    governorYes: g.yes.length,
    governorNo: g.no.length,
    governorAbstain: g.abstain.length,
    governorNotVoted: g.notVoted.length,
    governors: g.size,
    publicYes: p.yes.length,
    publicNo: p.no.length,
    publicAbstain: p.abstain.length,
    publicNotVoted: p.notVoted.length,
    publicMembers: p.size,
  };
}
