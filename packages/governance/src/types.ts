// Values the governance rules read. Field names match what the codec package decodes
// from `credits.alpha`, so its values can be passed here unchanged.

/** Network ids: 0 mainnet, 1 testnet, 2 canary. They only go down; mainnet is terminal. */
export type NetworkId = number;

export const MAINNET: NetworkId = 0;
export const TESTNET: NetworkId = 1;
export const CANARY: NetworkId = 2;

/** A `NetworkUpgradeProposal` as stored in the `network_upgrade_proposals` mapping. */
export interface ProposalTerms {
  proposalId: bigint;
  sourceNetwork: number;
  targetNetwork: number;
  activationHeight: number;
  alphaExpectedHash: bigint;
  alphaParamsHash: bigint;
  deltaExpectedHash: bigint;
  deltaParamsHash: bigint;
  deltaMinAlphaBlocks: number;
  minGovernorValidators: number;
  minPublicValidators: number;
  governorYesVotes: number;
  governorNoVotes: number;
  publicYesVotes: number;
  publicNoVotes: number;
  proposer: string;
  createdAtHeight: number;
  votingEndsHeight: number;
}

/** Same value under the program's own struct name. */
export type NetworkUpgradeProposal = ProposalTerms;

/** 1 Yes, 2 No, 3 Abstain. */
export type VoteChoice = 1 | 2 | 3;

export const YES: VoteChoice = 1;
export const NO: VoteChoice = 2;
export const ABSTAIN: VoteChoice = 3;

/** The choices' names, as the dashboard, the API and the CSV write them. */
export const CHOICE_NAMES = { 1: 'yes', 2: 'no', 3: 'abstain' } as const satisfies Record<
  VoteChoice,
  string
>;
export type ChoiceName = (typeof CHOICE_NAMES)[VoteChoice];
export const CHOICE_BY_NAME = { yes: 1, no: 2, abstain: 3 } as const satisfies Record<
  ChoiceName,
  VoteChoice
>;
export const CHOICE_LABELS = { yes: 'Yes', no: 'No', abstain: 'Abstain' } as const satisfies Record<
  ChoiceName,
  string
>;

/** One accepted `vote_network_upgrade` call, taken from its transition. */
export interface CastVote {
  proposalId: bigint;
  voter: string;
  choice: VoteChoice;
  height: number;
  /** Order within the block; breaks ties between two votes of one voter at one height. */
  index?: number;
  transactionId?: string;
}

export interface CommitteeMember {
  address: string;
  stake: bigint;
}

export type Committee = readonly CommitteeMember[];

/** Governor addresses (the `governors` mapping, or the node's `/governors`). */
export type GovernorSet = readonly string[];

/** A block seen on some chain, reduced to what timing rules need. */
export interface BlockTime {
  height: number;
  /** Unix seconds, from `header.metadata.timestamp`. */
  timestamp: number;
}
