/** The governance structs of spec section 6, with the field names the aleo package uses. */
export type Proposal = {
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
};

export type Vote = {
  proposalId: bigint;
  voter: string;
  choice: 1 | 2 | 3;
  isGovernor: boolean;
  votedAtHeight: number;
};

const struct = (members: [string, string][]) =>
  `{\n${members.map(([k, v]) => `  ${k}: ${v}`).join(',\n')}\n}`;

/** Canonical plaintext of a proposal, member order as declared in the program. */
export function printProposal(p: Proposal): string {
  return struct([
    ['proposal_id', `${p.proposalId}field`],
    ['source_network', `${p.sourceNetwork}u16`],
    ['target_network', `${p.targetNetwork}u16`],
    ['activation_height', `${p.activationHeight}u32`],
    ['alpha_expected_hash', `${p.alphaExpectedHash}field`],
    ['alpha_params_hash', `${p.alphaParamsHash}field`],
    ['delta_expected_hash', `${p.deltaExpectedHash}field`],
    ['delta_params_hash', `${p.deltaParamsHash}field`],
    ['delta_min_alpha_blocks', `${p.deltaMinAlphaBlocks}u32`],
    ['min_governor_validators', `${p.minGovernorValidators}u32`],
    ['min_public_validators', `${p.minPublicValidators}u32`],
    ['governor_yes_votes', `${p.governorYesVotes}u32`],
    ['governor_no_votes', `${p.governorNoVotes}u32`],
    ['public_yes_votes', `${p.publicYesVotes}u32`],
    ['public_no_votes', `${p.publicNoVotes}u32`],
    ['proposer', p.proposer],
    ['created_at_height', `${p.createdAtHeight}u32`],
    ['voting_ends_height', `${p.votingEndsHeight}u32`],
  ]);
}

export function printVote(v: Vote): string {
  return struct([
    ['proposal_id', `${v.proposalId}field`],
    ['voter', v.voter],
    ['choice', `${v.choice}u8`],
    ['is_governor', String(v.isGovernor)],
    ['voted_at_height', `${v.votedAtHeight}u32`],
  ]);
}
