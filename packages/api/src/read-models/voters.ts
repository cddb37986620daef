import type { VoteRecord } from '@ratify/db';
import { rejectionReason, type Tally } from '@ratify/governance';
import { choiceName } from './choices';

export type VoterChoice = ReturnType<typeof choiceName> | 'not_voted';

export interface VotersInput {
  tally: Tally;
  governors: readonly string[];
  committee: readonly { address: string; stake: bigint }[];
  /** Every vote transition of the proposal, in chain order. */
  records: readonly VoteRecord[];
  votingEndsHeight: number;
  votingOpen: boolean;
}

/**
 * The voters of each body with the vote that counts, the members who can still vote with
 * their stake, and every vote transition with what it changed or why it was rejected.
 */
export function votersView(input: VotersInput) {
  const { tally, records } = input;
  const stakeOf = new Map(input.committee.map((m) => [m.address, m.stake]));
  const counted = new Map(tally.counted.map((v) => [v.voter, v]));
  const member = (address: string) => {
    const vote = counted.get(address);
    return {
      address,
      stake: stakeOf.get(address)?.toString() ?? null,
      choice: vote ? choiceName(vote.choice) : ('not_voted' as VoterChoice),
      height: vote?.height ?? null,
      /** Accepted votes that replaced an earlier one of this voter. */
      changes: Math.max(0, records.filter((r) => r.accepted && r.voter === address).length - 1),
    };
  };
  const listOf = (body: Tally['governors']) => [
    ...body.yes,
    ...body.no,
    ...body.abstain,
    ...body.notVoted,
  ];
  const committeeAddresses = input.committee.map((m) => m.address);
  const countedIds = new Set(tally.counted.map((v) => v.transactionId));
  const lastAccepted = new Map<string, VoteRecord>();
  const votes = records.map((v) => {
    const previous = v.accepted ? lastAccepted.get(v.voter) : undefined;
    if (v.accepted && v.height <= input.votingEndsHeight) lastAccepted.set(v.voter, v);
    return {
      voter: v.voter,
      choice: choiceName(v.choice),
      accepted: v.accepted,
      counted: countedIds.has(v.transactionId),
      height: v.height,
      transactionId: v.transactionId,
      isGovernor: input.governors.includes(v.voter),
      /** The voter's earlier choice that this vote replaced. */
      replaces: previous ? choiceName(previous.choice) : null,
      rejection: v.accepted
        ? null
        : rejectionReason(v, {
            votingEndsHeight: input.votingEndsHeight,
            governors: input.governors,
            committee: committeeAddresses,
          }).message,
    };
  });
  const canStillVote = (body: Tally['governors'], isGovernor: boolean) =>
    input.votingOpen
      ? body.notVoted.map((address) => ({
          address,
          isGovernor,
          stake: stakeOf.get(address)?.toString() ?? null,
        }))
      : [];
  return {
    governors: listOf(tally.governors).map(member),
    public: listOf(tally.public).map(member),
    notVoted: [...canStillVote(tally.governors, true), ...canStillVote(tally.public, false)],
    votes,
  };
}
