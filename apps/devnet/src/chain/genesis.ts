import { fieldToBlockHash } from '@ratify/aleo';
import { addressOf, canonicalJson, hashToField } from '@ratify/wallet';
import { blockHashOf, fieldOf, idOf, signatureOf } from './ids';
import type { Block, ChainName, Committee } from './types';

export type GenesisMember = { name: string; publicKeyHex: string; stake: bigint };

/**
 * Everything a genesis block is made from. The hash of these parameters is the proposal's
 * `*_params_hash`, and building the block from them always gives the same block hash, so a
 * scenario can precompute `*_expected_hash` before any vote.
 */
export type GenesisParams = {
  chain: ChainName;
  networkId: number;
  hrp: string;
  timestamp: number;
  members: GenesisMember[];
  /** Public balance of each member, in microcredits. */
  balance: bigint;
  /** Delta only: the Alpha genesis it belongs to. */
  alphaGenesisHash?: string;
  alphaNetworkId?: number;
};

export const paramsHash = (p: GenesisParams): bigint =>
  hashToField('genesis-params', canonicalJson(p));

export function committeeOf(
  members: GenesisMember[],
  hrp: string,
  startingRound: number,
): Committee {
  const entries = members.map((m) => [addressOf(m.publicKeyHex, hrp), m.stake] as const);
  const total = entries.reduce((sum, [, s]) => sum + s, 0n);
  return {
    id: fieldOf('committee', String(startingRound), ...entries.map(([a, s]) => `${a}:${s}`)),
    starting_round: startingRound,
    members: Object.fromEntries(entries.map(([a, s]) => [a, [Number(s), true, 0]])),
    total_stake: Number(total),
  };
}

export function buildGenesis(p: GenesisParams): Block {
  const committee = committeeOf(p.members, p.hrp, 0);
  const addresses = Object.keys(committee.members);
  const ratification = {
    type: 'genesis' as const,
    committee,
    public_balances: Object.fromEntries(addresses.map((a) => [a, Number(p.balance)])),
    bonded_balances: Object.fromEntries(
      addresses.map((a) => [a, [a, a, committee.members[a]?.[0] ?? 0] as [string, string, number]]),
    ),
    ...(p.alphaGenesisHash !== undefined
      ? {
          alpha_genesis_hash: p.alphaGenesisHash,
          alpha_network_id: p.alphaNetworkId ?? p.networkId,
        }
      : {}),
  };
  const digest = String(paramsHash(p));
  const header = {
    previous_state_root: idOf('sr', 'state-root', 'genesis', digest),
    transactions_root: fieldOf('transactions-root'),
    finalize_root: fieldOf('finalize-root'),
    ratifications_root: fieldOf('ratifications-root', canonicalJson([ratification])),
    solutions_root: fieldOf('solutions-root'),
    subdag_root: fieldOf('subdag-root'),
    metadata: {
      network: p.networkId,
      round: 0,
      height: 0,
      cumulative_weight: '0',
      cumulative_proof_target: '0',
      coinbase_target: 35_567_900_716_529,
      proof_target: 8_891_975_179_133,
      last_coinbase_target: 35_567_900_716_529,
      last_coinbase_timestamp: p.timestamp,
      timestamp: p.timestamp,
    },
  };
  const previousHash = fieldToBlockHash(0n);
  return {
    block_hash: blockHashOf(previousHash, canonicalJson(header)),
    previous_hash: previousHash,
    header,
    authority: { type: 'beacon', signature: signatureOf('beacon', digest) },
    ratifications: [ratification],
    solutions: { version: 1 },
    aborted_solution_ids: [],
    transactions: [],
    aborted_transaction_ids: [],
  };
}
