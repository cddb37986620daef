import type { FollowerStatus } from '../follow/status';

export type ChainNetworkHealth = {
  id: string;
  chain: string;
  networkId: number | undefined;
  nodes: string[];
  /** The best head among its nodes that answer. */
  headHeight: number | undefined;
  indexedHeight: number | undefined;
  lag: number | undefined;
  blocksPerSecond: number;
  etaSeconds: number | undefined;
  lastBlockAgeSeconds: number | undefined;
  state: 'ok' | 'paused' | 'unreachable' | 'lagging' | 'starting';
  reason?: string;
  pause?: FollowerStatus['pause'];
};

export type HealthOptions = {
  /** Blocks behind the best node that still count as caught up. */
  readyLagBlocks: number;
  /** No answer from any node of the chain-network for this long: unreachable. */
  unreachableMs: number;
};

/**
 * Groups followers by chain-network and judges each: paused, unreachable (no node answered
 * recently), lagging (more than a few blocks behind its best node), or ok. Nodes that never
 * answered (post-split nodes before the split) belong to no chain-network yet.
 */
export function chainNetworkHealth(
  statuses: FollowerStatus[],
  rates: Map<string, number>,
  options: HealthOptions,
  now = Date.now(),
): ChainNetworkHealth[] {
  const groups = new Map<string, FollowerStatus[]>();
  for (const s of statuses) {
    if (!s.chainNetworkId) continue;
    groups.set(s.chainNetworkId, [...(groups.get(s.chainNetworkId) ?? []), s]);
  }
  return [...groups.entries()].map(([id, members]) => {
    const fresh = members.filter(
      (m) =>
        m.lastOkAt !== undefined &&
        now - m.lastOkAt <= options.unreachableMs &&
        m.state !== 'refused',
    );
    const heads = fresh.map((m) => m.headHeight).filter((h): h is number => h !== undefined);
    const headHeight = heads.length > 0 ? Math.max(...heads) : undefined;
    const indexed = members.map((m) => m.indexedHeight).filter((h): h is number => h !== undefined);
    const indexedHeight = indexed.length > 0 ? Math.max(...indexed) : undefined;
    const lag = headHeight === undefined ? undefined : headHeight - (indexedHeight ?? -1);
    const blocksPerSecond = rates.get(id) ?? 0;
    const pause = members.find((m) => m.pause)?.pause;
    const stamps = members
      .map((m) => m.indexedBlockTimestamp)
      .filter((t): t is number => t !== undefined);
    const base = {
      id,
      chain: members[0]?.chain ?? '',
      networkId: members[0]?.networkId,
      nodes: members.map((m) => m.url),
      headHeight,
      indexedHeight,
      lag,
      blocksPerSecond,
      etaSeconds:
        lag !== undefined && lag > 0 && blocksPerSecond > 0
          ? Math.round(lag / blocksPerSecond)
          : lag === 0
            ? 0
            : undefined,
      lastBlockAgeSeconds:
        stamps.length > 0 ? Math.max(0, now / 1000 - Math.max(...stamps)) : undefined,
      pause,
    };
    if (pause)
      return { ...base, state: 'paused', reason: `paused at ${pause.height}: ${pause.reason}` };
    if (fresh.length === 0) {
      const last = Math.max(...members.map((m) => m.lastOkAt ?? 0));
      const refused = members.every((m) => m.state === 'refused');
      return {
        ...base,
        state: 'unreachable',
        reason: refused
          ? 'every node serves another genesis'
          : last === 0
            ? 'no node has answered'
            : `no node answered for ${Math.round((now - last) / 1000)} s`,
      };
    }
    if (lag !== undefined && lag > options.readyLagBlocks) {
      return { ...base, state: 'lagging', reason: `${lag} blocks behind the node` };
    }
    if (indexedHeight === undefined)
      return { ...base, state: 'starting', reason: 'nothing indexed yet' };
    return { ...base, state: 'ok' };
  });
}

/** Ready when every chain-network that has been seen is ok; at least one must be. */
export function isReady(health: ChainNetworkHealth[]): boolean {
  return health.length > 0 && health.every((h) => h.state === 'ok');
}

/** Blocks per second per chain-network over a sliding window of indexed-height samples. */
export function createRateTracker(windowMs = 10_000) {
  const samples = new Map<string, { at: number; height: number }[]>();
  return {
    sample(id: string, height: number | undefined, at = Date.now()) {
      if (height === undefined) return;
      const list = samples.get(id) ?? [];
      list.push({ at, height });
      while (list.length > 2 && (list[0]?.at ?? at) < at - windowMs) list.shift();
      samples.set(id, list);
    },
    rates(): Map<string, number> {
      const out = new Map<string, number>();
      for (const [id, list] of samples) {
        const first = list[0];
        const last = list.at(-1);
        if (!first || !last || last.at === first.at) out.set(id, 0);
        else out.set(id, Math.max(0, ((last.height - first.height) * 1000) / (last.at - first.at)));
      }
      return out;
    },
  };
}
