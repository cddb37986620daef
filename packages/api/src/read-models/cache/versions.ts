import type { IndexedNotification } from '@ratify/db';

/**
 * Tokens of the indexed state a read model depends on. A token changes whenever the data
 * behind it may have changed, so "same token" means "the cached answer is still right".
 */
export interface Versions {
  /** One chain-network: changes on every commit to it. */
  chain(chainNetworkId: string): string;
  /** Every chain-network at once. */
  chains(): string;
  /**
   * Changes only on commits that may touch everything of one chain-network: a new validator
   * set, a rewind, a payload that says `'many'`, or a move seen only in the checkpoints.
   */
  wide(chainNetworkId: string): string;
  /** One proposal's row, votes and counters: changes only on commits that touch it. */
  proposal(chainNetworkId: string, proposalId: string): string;
  /** The wall clock in steps of `ms`, for views that read the time (stalls, countdowns). */
  clock(ms: number): string;
}

type ChainState = { height: number; stamp: number | undefined; seq: number; all: number };

/**
 * Turns the indexer's commits (NOTIFY payloads, or re-reads of the checkpoints when the
 * LISTEN connection is down) into version tokens. Tokens come from one counter per process,
 * so a rewind back to an earlier height still gets a fresh token.
 */
export function createVersionTracker(options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  let counter = 0;
  let allChains = 0;
  const chains = new Map<string, ChainState>();
  const proposals = new Map<string, number>();

  const state = (c: string): ChainState => {
    let s = chains.get(c);
    if (!s) {
      s = { height: -1, stamp: undefined, seq: 0, all: 0 };
      chains.set(c, s);
    }
    return s;
  };

  /** Records a commit; returns false when it repeats what was already known. */
  function apply(n: IndexedNotification): void {
    const s = state(n.c);
    const rewound = n.h < s.height;
    s.height = n.h;
    s.stamp = undefined;
    s.seq = ++counter;
    allChains = counter;
    if (rewound || n.p === 'many') s.all = counter;
    else for (const p of n.p) proposals.set(`${n.c}/${p}`, counter);
  }

  /**
   * Aligns with the checkpoints as read from the database; a chain-network that moved
   * without a notification we saw may have changed anywhere. Returns the ids that moved.
   */
  function resync(rows: { chainNetworkId: string; height: number; updatedAt: Date }[]): string[] {
    const moved: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      seen.add(r.chainNetworkId);
      const s = state(r.chainNetworkId);
      const stamp = r.updatedAt.getTime();
      if (s.height === r.height && s.stamp === stamp) continue;
      // A notification already accounted for this height; only its stamp was unknown.
      const known = s.height === r.height && s.stamp === undefined && s.seq > 0;
      s.stamp = stamp;
      if (known) continue;
      s.height = r.height;
      s.seq = ++counter;
      s.all = counter;
      allChains = counter;
      moved.push(r.chainNetworkId);
    }
    for (const [c, s] of chains) {
      if (seen.has(c) || s.height === -1) continue;
      // The checkpoint is gone (rewound to nothing): forget the chain-network's state.
      s.height = -1;
      s.stamp = undefined;
      s.seq = ++counter;
      s.all = counter;
      allChains = counter;
      moved.push(c);
    }
    return moved;
  }

  const versions: Versions = {
    chain: (c) => String(chains.get(c)?.seq ?? 0),
    chains: () => String(allChains),
    wide: (c) => String(chains.get(c)?.all ?? 0),
    proposal: (c, p) => `${chains.get(c)?.all ?? 0}.${proposals.get(`${c}/${p}`) ?? 0}`,
    clock: (ms) => String(Math.floor(now() / ms)),
  };

  return {
    apply,
    resync,
    versions,
    height: (c: string): number | undefined => {
      const h = chains.get(c)?.height;
      return h === undefined || h < 0 ? undefined : h;
    },
  };
}

export type VersionTracker = ReturnType<typeof createVersionTracker>;
