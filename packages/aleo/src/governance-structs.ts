import { parsePlaintext } from './plaintext/parse';
import { printPlaintext } from './plaintext/print';
import { integerRange, type Plaintext } from './plaintext/types';

export type NetworkUpgradeProposal = {
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

export type VoteChoice = 1 | 2 | 3;

export type NetworkUpgradeVote = {
  proposalId: bigint;
  voter: string;
  choice: VoteChoice;
  isGovernor: boolean;
  votedAtHeight: number;
};

/** The public inputs of `submit_network_upgrade`: the proposal without what finalize fills in. */
export type SubmitNetworkUpgradeArgs = Omit<
  NetworkUpgradeProposal,
  | 'governorYesVotes'
  | 'governorNoVotes'
  | 'publicYesVotes'
  | 'publicNoVotes'
  | 'proposer'
  | 'createdAtHeight'
>;

/** The public inputs of `vote_network_upgrade`, in order. */
export type VoteNetworkUpgradeArgs = { proposalId: bigint; choice: number };

/** A plaintext that does not have the shape of the expected struct or inputs. */
export class GovernanceDecodeError extends Error {
  override name = 'GovernanceDecodeError';
}

type MemberType = 'field' | 'u8' | 'u16' | 'u32' | 'address' | 'boolean';
type Member = readonly [snake: string, camel: string, type: MemberType];

const PROPOSAL_MEMBERS: readonly Member[] = [
  ['proposal_id', 'proposalId', 'field'],
  ['source_network', 'sourceNetwork', 'u16'],
  ['target_network', 'targetNetwork', 'u16'],
  ['activation_height', 'activationHeight', 'u32'],
  ['alpha_expected_hash', 'alphaExpectedHash', 'field'],
  ['alpha_params_hash', 'alphaParamsHash', 'field'],
  ['delta_expected_hash', 'deltaExpectedHash', 'field'],
  ['delta_params_hash', 'deltaParamsHash', 'field'],
  ['delta_min_alpha_blocks', 'deltaMinAlphaBlocks', 'u32'],
  ['min_governor_validators', 'minGovernorValidators', 'u32'],
  ['min_public_validators', 'minPublicValidators', 'u32'],
  ['governor_yes_votes', 'governorYesVotes', 'u32'],
  ['governor_no_votes', 'governorNoVotes', 'u32'],
  ['public_yes_votes', 'publicYesVotes', 'u32'],
  ['public_no_votes', 'publicNoVotes', 'u32'],
  ['proposer', 'proposer', 'address'],
  ['created_at_height', 'createdAtHeight', 'u32'],
  ['voting_ends_height', 'votingEndsHeight', 'u32'],
];

const VOTE_MEMBERS: readonly Member[] = [
  ['proposal_id', 'proposalId', 'field'],
  ['voter', 'voter', 'address'],
  ['choice', 'choice', 'u8'],
  ['is_governor', 'isGovernor', 'boolean'],
  ['voted_at_height', 'votedAtHeight', 'u32'],
];

const SUBMIT_INPUTS: readonly Member[] = PROPOSAL_MEMBERS.filter(
  ([snake]) => !/_votes$/.test(snake) && snake !== 'proposer' && snake !== 'created_at_height',
);

const VOTE_INPUTS: readonly Member[] = [
  ['proposal_id', 'proposalId', 'field'],
  ['choice', 'choice', 'u8'],
];

function toJs(where: string, name: string, type: MemberType, v: Plaintext): unknown {
  if (v.kind !== type) {
    const got =
      v.kind === 'struct' || v.kind === 'array' || v.kind === 'future' ? `a ${v.kind}` : v.kind;
    throw new GovernanceDecodeError(`${where}: member "${name}" must be ${type}, got ${got}`);
  }
  if (type === 'field' || type === 'address' || type === 'boolean') return v.value;
  return Number(v.value as bigint);
}

function fromJs(where: string, name: string, type: MemberType, x: unknown): Plaintext {
  const bad = (): never => {
    throw new GovernanceDecodeError(`${where}: member "${name}" must be ${type}, got ${String(x)}`);
  };
  switch (type) {
    case 'field':
      if (typeof x !== 'bigint' || x < 0n) bad();
      return { kind: 'field', value: x as bigint };
    case 'address':
      if (typeof x !== 'string') bad();
      return parseAddress(where, name, x as string);
    case 'boolean':
      if (typeof x !== 'boolean') bad();
      return { kind: 'boolean', value: x as boolean };
    default: {
      if (typeof x !== 'number' || !Number.isInteger(x)) bad();
      const value = BigInt(x as number);
      const { min, max } = integerRange(type);
      if (value < min || value > max) bad();
      return { kind: type, value };
    }
  }
}

function parseAddress(where: string, name: string, text: string): Plaintext {
  let v: Plaintext;
  try {
    v = parsePlaintext(text);
  } catch {
    throw new GovernanceDecodeError(`${where}: member "${name}" must be address, got ${text}`);
  }
  if (v.kind !== 'address') {
    throw new GovernanceDecodeError(`${where}: member "${name}" must be address, got ${text}`);
  }
  return v;
}

function asPlaintext(v: Plaintext | string): Plaintext {
  return typeof v === 'string' ? parsePlaintext(v) : v;
}

function decodeStruct(where: string, members: readonly Member[], input: Plaintext | string) {
  const v = asPlaintext(input);
  if (v.kind !== 'struct')
    throw new GovernanceDecodeError(`${where}: expected a struct, got ${v.kind}`);
  const byName = new Map(v.members);
  const known = new Set(members.map(([snake]) => snake));
  for (const [name] of v.members) {
    if (!known.has(name)) throw new GovernanceDecodeError(`${where}: unexpected member "${name}"`);
  }
  const out: Record<string, unknown> = {};
  for (const [snake, camel, type] of members) {
    const m = byName.get(snake);
    if (m === undefined) throw new GovernanceDecodeError(`${where}: missing member "${snake}"`);
    out[camel] = toJs(where, snake, type, m);
  }
  return out;
}

function encodeStruct(where: string, members: readonly Member[], value: object): Plaintext {
  const rec = value as Record<string, unknown>;
  return {
    kind: 'struct',
    members: members.map(([snake, camel, type]) => {
      if (!(camel in rec)) throw new GovernanceDecodeError(`${where}: missing member "${camel}"`);
      return [snake, fromJs(where, camel, type, rec[camel])];
    }),
  };
}

function checkChoice(where: string, choice: number): VoteChoice {
  if (choice !== 1 && choice !== 2 && choice !== 3) {
    throw new GovernanceDecodeError(`${where}: member "choice" must be 1, 2 or 3, got ${choice}`);
  }
  return choice;
}

export function decodeProposal(v: Plaintext | string): NetworkUpgradeProposal {
  return decodeStruct('NetworkUpgradeProposal', PROPOSAL_MEMBERS, v) as NetworkUpgradeProposal;
}

export function encodeProposal(p: NetworkUpgradeProposal): Plaintext {
  return encodeStruct('NetworkUpgradeProposal', PROPOSAL_MEMBERS, p);
}

export function decodeVote(v: Plaintext | string): NetworkUpgradeVote {
  const vote = decodeStruct('network_upgrade_vote', VOTE_MEMBERS, v) as NetworkUpgradeVote;
  checkChoice('network_upgrade_vote', vote.choice);
  return vote;
}

export function encodeVote(vote: NetworkUpgradeVote): Plaintext {
  checkChoice('network_upgrade_vote', vote.choice);
  return encodeStruct('network_upgrade_vote', VOTE_MEMBERS, vote);
}

function decodeInputs(where: string, members: readonly Member[], args: readonly Plaintext[]) {
  if (args.length !== members.length) {
    throw new GovernanceDecodeError(
      `${where}: expected ${members.length} inputs, got ${args.length}`,
    );
  }
  const out: Record<string, unknown> = {};
  members.forEach(([snake, camel, type], i) => {
    out[camel] = toJs(where, snake, type, args[i] as Plaintext);
  });
  return out;
}

function encodeInputs(where: string, members: readonly Member[], value: object): string[] {
  const rec = value as Record<string, unknown>;
  return members.map(([, camel, type]) => printPlaintext(fromJs(where, camel, type, rec[camel])));
}

/** Decodes the public inputs of `submit_network_upgrade`. */
export function decodeSubmitArgs(args: readonly Plaintext[]): SubmitNetworkUpgradeArgs {
  return decodeInputs('submit_network_upgrade', SUBMIT_INPUTS, args) as SubmitNetworkUpgradeArgs;
}

/** Decodes the public inputs of `vote_network_upgrade`; the choice is kept as sent. */
export function decodeVoteArgs(args: readonly Plaintext[]): VoteNetworkUpgradeArgs {
  return decodeInputs('vote_network_upgrade', VOTE_INPUTS, args) as VoteNetworkUpgradeArgs;
}

/** The input texts of `submit_network_upgrade`, in order, ready for a transaction. */
export function encodeSubmitArgs(a: SubmitNetworkUpgradeArgs): string[] {
  return encodeInputs('submit_network_upgrade', SUBMIT_INPUTS, a);
}

export function encodeVoteArgs(a: VoteNetworkUpgradeArgs): string[] {
  return encodeInputs('vote_network_upgrade', VOTE_INPUTS, a);
}
