// Readable builders for governance tests.
import type { CastVote, CommitteeMember, ProposalTerms, VoteChoice } from '../types';

/** Governor address number `i`: `gov0`, `gov1`, … Addresses are opaque to these rules. */
export const gov = (i: number) => `gov${i}`;
/** Public validator address number `i`. */
export const val = (i: number) => `val${i}`;

export const governors = (n: number) => Array.from({ length: n }, (_, i) => gov(i));
export const validators = (n: number) => Array.from({ length: n }, (_, i) => val(i));

export function member(address: string, stake = 100n): CommitteeMember {
  return { address, stake };
}

export function committeeOf(addresses: readonly string[], stake = 100n): CommitteeMember[] {
  return addresses.map((a) => member(a, stake));
}

export const PROPOSAL_ID = 7n;

export function vote(voter: string, choice: VoteChoice, height = 10, index?: number): CastVote {
  return {
    proposalId: PROPOSAL_ID,
    voter,
    choice,
    height,
    ...(index === undefined ? {} : { index }),
  };
}

/** `n` votes with one choice from the given addresses. */
export function votesFrom(
  addresses: readonly string[],
  choice: VoteChoice,
  height = 10,
): CastVote[] {
  return addresses.map((a) => vote(a, choice, height));
}

export function proposal(overrides: Partial<ProposalTerms> = {}): ProposalTerms {
  return {
    proposalId: PROPOSAL_ID,
    sourceNetwork: 2,
    targetNetwork: 1,
    activationHeight: 1_000,
    alphaExpectedHash: 11n,
    alphaParamsHash: 12n,
    deltaExpectedHash: 13n,
    deltaParamsHash: 14n,
    deltaMinAlphaBlocks: 10,
    minGovernorValidators: 2,
    minPublicValidators: 1,
    governorYesVotes: 0,
    governorNoVotes: 0,
    publicYesVotes: 0,
    publicNoVotes: 0,
    proposer: gov(0),
    createdAtHeight: 100,
    votingEndsHeight: 500,
    ...overrides,
  };
}
