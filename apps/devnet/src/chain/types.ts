import type { ExecuteTransaction } from '@ratify/wallet';

export type ChainName = 'alpha' | 'delta';

export type FinalizeOperation = {
  type: 'update_key_value';
  mapping_id: string;
  key_id: string;
  value_id: string;
};

export type FeeTransaction = { type: 'fee'; id: string; fee: ExecuteTransaction['fee'] };

export type ConfirmedTransaction =
  | {
      status: 'accepted';
      type: 'execute';
      index: number;
      transaction: ExecuteTransaction;
      finalize: FinalizeOperation[];
    }
  | {
      status: 'rejected';
      type: 'execute';
      index: number;
      transaction: FeeTransaction;
      rejected: { type: 'execution'; execution: ExecuteTransaction['execution'] };
      finalize: FinalizeOperation[];
    };

export type BatchCertificate = {
  batch_header: {
    batch_id: string;
    author: string;
    round: number;
    timestamp: number;
    committee_id: string;
    transmission_ids: string[];
    previous_certificate_ids: string[];
    signature: string;
  };
  signatures: string[];
};

export type CommitteeMembers = Record<string, [number, boolean, number]>;
export type Committee = {
  id: string;
  starting_round: number;
  members: CommitteeMembers;
  total_stake: number;
};

export type GenesisRatification = {
  type: 'genesis';
  committee: Committee;
  public_balances: Record<string, number>;
  bonded_balances: Record<string, [string, string, number]>;
  alpha_genesis_hash?: string;
  alpha_network_id?: number;
};
export type Ratification =
  | GenesisRatification
  | { type: 'block_reward' | 'puzzle_reward'; amount: number };

export type Solution = {
  partial_solution: { solution_id: string; epoch_hash: string; address: string; counter: bigint };
  target: bigint;
};

export type BlockHeader = {
  previous_state_root: string;
  transactions_root: string;
  finalize_root: string;
  ratifications_root: string;
  solutions_root: string;
  subdag_root: string;
  metadata: {
    network: number;
    round: number;
    height: number;
    cumulative_weight: string;
    cumulative_proof_target: string;
    coinbase_target: number;
    proof_target: number;
    last_coinbase_target: number;
    last_coinbase_timestamp: number;
    timestamp: number;
  };
};

export type Block = {
  block_hash: string;
  previous_hash: string;
  header: BlockHeader;
  authority:
    | { type: 'beacon'; signature: string }
    | { type: 'quorum'; subdag: { subdag: Record<string, BatchCertificate[]> } };
  ratifications: Ratification[];
  solutions: { version: 1; solutions?: { solutions: Solution[] } };
  aborted_solution_ids: string[];
  transactions: ConfirmedTransaction[];
  aborted_transaction_ids: string[];
};

/** A validator as the devnet runs it: its key pair, its role in governance and its stake. */
export type Validator = {
  name: string;
  role: 'governor' | 'public';
  stake: bigint;
  dev: boolean;
  secretKey: Uint8Array;
  secretKeyHex: string;
  publicKeyHex: string;
};
