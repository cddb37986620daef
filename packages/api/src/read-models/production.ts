import { type Database, recentBlocks } from '@ratify/db';
import {
  type BlockTime,
  detectStall,
  type IntervalStats,
  intervalStats,
  type Stall,
} from '@ratify/governance';

/** Recent block times of a chain-network, as the timing rules read them. */
export async function recentBlockTimes(
  db: Database,
  chainNetworkId: string,
  limit: number,
): Promise<BlockTime[]> {
  const blocks = await recentBlocks(db, chainNetworkId, limit);
  return blocks.map((b) => ({ height: b.height, timestamp: b.timestamp }));
}

/**
 * Whether a chain-network is still producing, judged against its own recent pace; `null`
 * until it has enough blocks to have a pace. One judgement for every page and alert.
 */
export async function chainProduction(
  db: Database,
  chainNetworkId: string,
): Promise<{ stats: IntervalStats; stall: Stall } | null> {
  const stats = intervalStats(await recentBlockTimes(db, chainNetworkId, 50));
  return stats ? { stats, stall: detectStall(stats, Math.floor(Date.now() / 1000)) } : null;
}
