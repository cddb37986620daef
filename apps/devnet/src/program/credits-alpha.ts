import type { ExecuteTransaction } from '@ratify/wallet';
import { fieldOf } from '../chain/ids';
import type { FinalizeOperation } from '../chain/types';
import { readAddress, readField, readU8, readU16, readU32, readU64 } from './literals';
import { CREDITS_ALPHA_SOURCE } from './source';
import { type Proposal, printProposal, printVote, type Vote } from './structs';

export const PROGRAM_ID = 'credits.alpha';
export const MAPPING_NAMES = [
  'committee',
  'bonded',
  'account',
  'governors',
  'network_upgrade_proposals',
  'upgrade_votes',
] as const;
export type MappingName = (typeof MAPPING_NAMES)[number];

export type ProgramOptions = {
  networkId: number;
  hrp: string;
  governors: string[];
  committee: { address: string; stake: bigint }[];
  balances: Map<string, bigint>;
  /** Misbehaviour: a buggy program that never decrements the old choice when a vote changes. */
  counterDrift?: boolean;
};

export type ExecuteOutcome =
  | { status: 'accepted'; finalize: FinalizeOperation[] }
  | { status: 'rejected'; reason: string; finalize: FinalizeOperation[] }
  | { status: 'aborted'; reason: string };

export type Program = ReturnType<typeof createProgram>;

type Entry = { value: string; height: number };

/**
 * `credits.alpha` as the devnet runs it: typed state for the rules, and every change also
 * written as printed plaintext into the mapping store that the mapping route serves.
 */
export function createProgram(o: ProgramOptions) {
  const store = new Map<MappingName, Map<string, Entry>>(MAPPING_NAMES.map((n) => [n, new Map()]));
  const balances = new Map(o.balances);
  const governors = new Set(o.governors);
  const committee = new Set(o.committee.map((m) => m.address));
  const proposals = new Map<bigint, Proposal>();
  const votes = new Map<string, Vote>();

  const put = (
    mapping: MappingName,
    key: string,
    value: string,
    height: number,
  ): FinalizeOperation => {
    store.get(mapping)?.set(key, { value, height });
    return {
      type: 'update_key_value',
      mapping_id: fieldOf('mapping-id', PROGRAM_ID, mapping),
      key_id: fieldOf('key-id', PROGRAM_ID, mapping, key),
      value_id: fieldOf('value-id', PROGRAM_ID, mapping, key, value),
    };
  };

  for (const g of governors) put('governors', g, 'true', 0);
  for (const m of o.committee) {
    put('committee', m.address, '{\n  is_open: true,\n  commission: 0u8\n}', 0);
    put('bonded', m.address, `{\n  validator: ${m.address},\n  microcredits: ${m.stake}u64\n}`, 0);
  }
  for (const [a, b] of balances) put('account', a, `${b}u64`, 0);

  const setBalance = (address: string, amount: bigint, height: number) => {
    balances.set(address, amount);
    return put('account', address, `${amount}u64`, height);
  };

  function submit(caller: string, inputs: string[], height: number): FinalizeOperation[] {
    const [
      id,
      source,
      target,
      activation,
      aExp,
      aParams,
      dExp,
      dParams,
      dMin,
      minGov,
      minPub,
      ends,
    ] = inputs;
    if (inputs.length !== 12)
      throw new Error(`submit_network_upgrade takes 12 inputs, got ${inputs.length}`);
    const p: Proposal = {
      proposalId: readField(id ?? ''),
      sourceNetwork: readU16(source ?? ''),
      targetNetwork: readU16(target ?? ''),
      activationHeight: readU32(activation ?? ''),
      alphaExpectedHash: readField(aExp ?? ''),
      alphaParamsHash: readField(aParams ?? ''),
      deltaExpectedHash: readField(dExp ?? ''),
      deltaParamsHash: readField(dParams ?? ''),
      deltaMinAlphaBlocks: readU32(dMin ?? ''),
      minGovernorValidators: readU32(minGov ?? ''),
      minPublicValidators: readU32(minPub ?? ''),
      governorYesVotes: 0,
      governorNoVotes: 0,
      publicYesVotes: 0,
      publicNoVotes: 0,
      proposer: caller,
      createdAtHeight: height,
      votingEndsHeight: readU32(ends ?? ''),
    };
    if (!governors.has(caller)) throw new Error('caller is not a governor');
    if (proposals.has(p.proposalId))
      throw new Error(`proposal ${p.proposalId}field already exists`);
    if (p.sourceNetwork !== o.networkId) {
      throw new Error(`source_network ${p.sourceNetwork} is not this network (${o.networkId})`);
    }
    if (!(p.targetNetwork < p.sourceNetwork))
      throw new Error('target_network must be below source_network');
    if (!(height < p.votingEndsHeight))
      throw new Error('voting_ends_height must be after the current height');
    if (!(p.votingEndsHeight < p.activationHeight))
      throw new Error('activation_height must be after voting_ends_height');
    proposals.set(p.proposalId, p);
    return [put('network_upgrade_proposals', `${p.proposalId}field`, printProposal(p), height)];
  }

  function vote(caller: string, inputs: string[], height: number): FinalizeOperation[] {
    if (inputs.length !== 2)
      throw new Error(`vote_network_upgrade takes 2 inputs, got ${inputs.length}`);
    const proposalId = readField(inputs[0] ?? '');
    const choice = readU8(inputs[1] ?? '');
    const p = proposals.get(proposalId);
    if (!p) throw new Error(`proposal ${proposalId}field does not exist`);
    if (height > p.votingEndsHeight)
      throw new Error(`voting ended at height ${p.votingEndsHeight}`);
    if (choice < 1 || choice > 3) throw new Error(`choice ${choice} is not 1, 2 or 3`);
    const isGovernor = governors.has(caller);
    if (!isGovernor && !committee.has(caller))
      throw new Error('caller is neither a governor nor a committee member');
    const key = voteKey(caller, proposalId);
    const previous = votes.get(key);
    if (previous && !o.counterDrift) count(p, previous.isGovernor, previous.choice, -1);
    count(p, isGovernor, choice as 1 | 2 | 3, 1);
    const v: Vote = {
      proposalId,
      voter: caller,
      choice: choice as 1 | 2 | 3,
      isGovernor,
      votedAtHeight: height,
    };
    votes.set(key, v);
    return [
      put('upgrade_votes', key, printVote(v), height),
      put('network_upgrade_proposals', `${proposalId}field`, printProposal(p), height),
    ];
  }

  function transfer(caller: string, inputs: string[], height: number): FinalizeOperation[] {
    const receiver = readAddress(inputs[0] ?? '', o.hrp);
    const amount = readU64(inputs[1] ?? '');
    const from = balances.get(caller) ?? 0n;
    if (from < amount) throw new Error('insufficient public balance');
    return [
      setBalance(caller, from - amount, height),
      setBalance(receiver, (balances.get(receiver) ?? 0n) + amount, height),
    ];
  }

  const functions: Record<
    string,
    (caller: string, inputs: string[], height: number) => FinalizeOperation[]
  > = {
    submit_network_upgrade: submit,
    vote_network_upgrade: vote,
    transfer_public: transfer,
  };

  return {
    source: CREDITS_ALPHA_SOURCE,
    hasFunction: (name: string) => name in functions,
    /** Runs a verified transaction at `height`: fee first, then the function's finalize. */
    execute(tx: ExecuteTransaction, caller: string, height: number): ExecuteOutcome {
      const feeInput = tx.fee.transition.inputs;
      const fee = readU64(feeInput[0]?.value ?? '0u64') + readU64(feeInput[1]?.value ?? '0u64');
      const balance = balances.get(caller) ?? 0n;
      if (balance < fee) return { status: 'aborted', reason: 'insufficient balance for the fee' };
      const transition = tx.execution.transitions[0];
      const run = functions[transition?.function ?? ''];
      if (!transition || !run) return { status: 'aborted', reason: 'unknown function' };
      const feeOp = () => setBalance(caller, (balances.get(caller) ?? 0n) - fee, height);
      try {
        const ops = run(
          caller,
          transition.inputs.map((i) => i.value),
          height,
        );
        return { status: 'accepted', finalize: [...ops, feeOp()] };
      } catch (error) {
        return { status: 'rejected', reason: (error as Error).message, finalize: [feeOp()] };
      }
    },
    mapping(name: string, key: string): Entry | null {
      const m = store.get(name as MappingName);
      if (!m) return null;
      return m.get(normalizeKey(key)) ?? null;
    },
    hasMapping: (name: string) => store.has(name as MappingName),
    governors: () => [...governors],
    isGovernor: (address: string) => governors.has(address),
    proposal: (id: bigint) => proposals.get(id),
    proposals: () => [...proposals.values()],
    votesFor: (id: bigint) => [...votes.values()].filter((v) => v.proposalId === id),
    balance: (address: string) => balances.get(address) ?? 0n,
  };
}

function count(p: Proposal, isGovernor: boolean, choice: 1 | 2 | 3, delta: 1 | -1): void {
  if (choice === 3) return;
  if (isGovernor) {
    if (choice === 1) p.governorYesVotes += delta;
    else p.governorNoVotes += delta;
  } else if (choice === 1) p.publicYesVotes += delta;
  else p.publicNoVotes += delta;
}

/** `hash(hash(voter) + hash(proposal_id))` in spirit: opaque, stable, one per voter and proposal. */
export const voteKey = (voter: string, proposalId: bigint): string =>
  fieldOf('vote-key', voter, String(proposalId));

/** Mapping keys arrive as typed text; fields may carry underscores or a sign. */
function normalizeKey(key: string): string {
  if (/field$/.test(key)) {
    try {
      return `${readField(key)}field`;
    } catch {
      return key;
    }
  }
  return key;
}

/** Approval by the upgrade design's rule, on the program's own counters (spec section 6). */
export function approvedByCounters(p: Proposal, governorCount: number): boolean {
  return (
    100 * p.governorYesVotes >= 67 * governorCount &&
    p.governorYesVotes >= p.minGovernorValidators &&
    p.publicYesVotes >= p.minPublicValidators
  );
}
