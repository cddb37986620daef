import type { ChainName } from '../chain/types';

export type DevnetAccount = {
  name: string;
  address: string;
  role: 'governor' | 'public';
  stake: bigint;
  secretKeyHex: string;
  dev: boolean;
};

type At = { chain: ChainName; network: string; height: number };

/** Everything the devnet reports while it runs, as structured records. */
export type DevnetEvent =
  | {
      type: 'started';
      scenario: string;
      nodes: { chain: ChainName; network: string; url: string }[];
    }
  | { type: 'accounts'; accounts: DevnetAccount[] }
  | ({ type: 'block'; hash: string; transactions: number; authors: number } & At)
  | ({
      type: 'transaction';
      id: string;
      function: string;
      caller: string;
      status: 'accepted' | 'rejected' | 'aborted';
      reason?: string;
    } & At)
  | { type: 'broadcast-refused'; who: string; function: string; reason: string }
  | ({
      type: 'activation';
      proposalId: string;
      approved: boolean;
      governors: number;
      governorYes: number;
      publicYes: number;
    } & At)
  | ({ type: 'chain-started'; genesisHash: string; authors: string[]; url: string } & At)
  | ({ type: 'chain-halted'; reason: string } & At)
  | ({ type: 'chain-resumed' } & At)
  | {
      type: 'emergency';
      chain: ChainName;
      network: string;
      reason: string;
      expected: string;
      actual: string;
    }
  | {
      type: 'late-join';
      validator: string;
      trusted: boolean;
      agreedHash: string | null;
      reports: { governor: string; genesisHash: string }[];
    }
  | { type: 'scenario-complete'; scenario: string }
  /** A timed block failed; the devnet carries on with the next one. */
  | { type: 'tick-failed'; error: string };
