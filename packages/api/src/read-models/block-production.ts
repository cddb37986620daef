import { blocks, type Database } from '@ratify/db';
import { sql } from 'drizzle-orm';

export interface ProductionSeries {
  chainNetworkId: string;
  /** Blocks per minute in each bucket, from the network's first bucket on; null before it. */
  perMinute: (number | null)[];
}

export interface BlockProduction {
  /** Start of each bucket, unix seconds. */
  buckets: number[];
  bucketSeconds: number;
  series: ProductionSeries[];
}

/**
 * Blocks per minute of every chain-network over the last `windowSeconds` before the newest
 * block, in about `buckets` buckets (whole seconds, as block times are): both sides of a
 * split on one time axis, so the old side's stop and the new side's start show side by
 * side. A network that stopped reads 0.
 */
export async function blockProduction(
  db: Database,
  { windowSeconds = 1_800, buckets: wanted = 40 } = {},
): Promise<BlockProduction> {
  const [span] = await db.execute<{ first: string | null; last: string | null }>(sql`
    SELECT min(${blocks.timestamp}) AS first, max(${blocks.timestamp}) AS last FROM ${blocks}
    WHERE ${blocks.timestamp} >= (SELECT max(${blocks.timestamp}) FROM ${blocks}) - ${windowSeconds}`);
  const seconds = Number(span?.last ?? 0) - Number(span?.first ?? 0);
  // A short history (a devnet run of a minute) still gets enough buckets to draw a line.
  const bucketSeconds = Math.max(2, Math.ceil(seconds / wanted));
  const rows = await db.execute<{ chain_network_id: string; bucket: string; blocks: number }>(sql`
    SELECT ${blocks.chainNetworkId} AS chain_network_id,
           (${blocks.timestamp} / ${bucketSeconds}) * ${bucketSeconds} AS bucket,
           count(*)::int AS blocks
    FROM ${blocks}
    WHERE ${blocks.timestamp} >= (SELECT max(${blocks.timestamp}) FROM ${blocks}) - ${windowSeconds}
    GROUP BY 1, 2`);
  if (rows.length === 0) return { buckets: [], bucketSeconds, series: [] };
  const counts = new Map<string, Map<number, number>>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    const bucket = Number(r.bucket);
    first = Math.min(first, bucket);
    last = Math.max(last, bucket);
    const m = counts.get(r.chain_network_id) ?? new Map<number, number>();
    m.set(bucket, Number(r.blocks));
    counts.set(r.chain_network_id, m);
  }
  // The newest bucket is still filling: leave it out unless it is the only one.
  const end = last > first ? last - bucketSeconds : last;
  const buckets: number[] = [];
  for (let b = first; b <= end; b += bucketSeconds) buckets.push(b);
  const perMinute = 60 / bucketSeconds;
  const series = [...counts].map(([chainNetworkId, m]) => {
    const start = Math.min(...m.keys());
    return {
      chainNetworkId,
      perMinute: buckets.map((b) => (b < start ? null : (m.get(b) ?? 0) * perMinute)),
    };
  });
  return { buckets, bucketSeconds, series };
}
