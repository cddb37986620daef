import { type Database, listChainNetworks, recentBlocks } from '@ratify/db';
import {
  type BlockTime,
  detectStall,
  type IntervalStats,
  intervalStats,
  type Stall,
} from '@ratify/governance';
import { defineView } from './cache/define-view';

export type Production = { stats: IntervalStats; stall: Stall } | null;

/** Blocks the countdown reads; the production judgement reads the newest 50 of them. */
const RECENT = 100;
const PACE = 50;

/**
 * What every page reads of every chain-network: the networks with their indexed heights,
 * their recent block times, and whether each is still producing. One computation per
 * commit (and per second, since "stalled" is a matter of time), shared by all proposals.
 */
export const chainContextView = defineView({
  name: 'chain-context',
  version: (_: undefined, v) => `${v.chains()}@${v.clock(1_000)}`,
  compute: (ctx) => loadChainContext(ctx.db),
});

export async function loadChainContext(db: Database) {
  const listed = await listChainNetworks(db);
  const recent = await Promise.all(listed.map((n) => recentBlocks(db, n.network.id, RECENT)));
  const now = Math.floor(Date.now() / 1000);
  const blocks = new Map<string, BlockTime[]>();
  const production = new Map<string, Production>();
  listed.forEach((n, i) => {
    const times = (recent[i] ?? []).map((b) => ({ height: b.height, timestamp: b.timestamp }));
    blocks.set(n.network.id, times);
    const stats = intervalStats(times.slice(0, PACE));
    production.set(n.network.id, stats ? { stats, stall: detectStall(stats, now) } : null);
  });
  return {
    listed,
    heights: new Map(listed.map((n) => [n.network.id, n.indexedHeight])),
    blocks,
    production,
  };
}

export type ChainContext = Awaited<ReturnType<typeof loadChainContext>>;
