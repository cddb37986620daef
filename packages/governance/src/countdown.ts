import type { BlockTime } from './types';

// Intervals are integer milliseconds per block: timestamps are whole seconds, and a gap
// of several heights between two samples is spread evenly over its blocks.

export interface IntervalStats {
  /** Number of intervals measured. */
  sampleSize: number;
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  /** The most recent block among the samples. */
  last: BlockTime;
  first: BlockTime;
}

export interface WindowOptions {
  /** How many of the most recent intervals to use. Default 100. */
  window?: number;
}

export interface StallOptions {
  /** The last block is stalled when older than this many p90 intervals. Default 3. */
  stallFactor?: number;
  /** Floor of the stall threshold, so that fast chains do not flap. Default 10 seconds. */
  minStallSeconds?: number;
}

export interface Stall {
  stalled: boolean;
  /** Seconds since the last block's timestamp. */
  ageSeconds: number;
  thresholdSeconds: number;
}

const DEFAULT_WINDOW = 100;
const DEFAULT_STALL_FACTOR = 3;
const DEFAULT_MIN_STALL_SECONDS = 10;

/** Sorted by height, one block per height (the last given wins). */
function byHeight(blocks: readonly BlockTime[]): BlockTime[] {
  const unique = new Map<number, BlockTime>();
  for (const b of blocks) unique.set(b.height, b);
  return [...unique.values()].sort((a, b) => a.height - b.height);
}

/** Nearest-rank percentile of sorted integers: the value at rank ceil(p * n / 100). */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.floor((p * sorted.length + 99) / 100));
  return sorted[rank - 1] ?? 0;
}

/** Median, p10 and p90 of the block intervals over the most recent window; null without two blocks. */
export function intervalStats(
  blocks: readonly BlockTime[],
  options: WindowOptions = {},
): IntervalStats | null {
  const window = options.window ?? DEFAULT_WINDOW;
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError('window must be a positive integer');
  const recent = byHeight(blocks).slice(-(window + 1));
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (first === undefined || last === undefined || recent.length < 2) return null;
  const intervals: number[] = [];
  for (let i = 1; i < recent.length; i++) {
    const a = recent[i - 1] as BlockTime;
    const b = recent[i] as BlockTime;
    const blocksBetween = b.height - a.height;
    // Clocks can step back a little; a negative interval counts as zero.
    const ms = Math.max(0, (b.timestamp - a.timestamp) * 1000);
    intervals.push(Math.floor((ms + Math.floor(blocksBetween / 2)) / blocksBetween));
  }
  intervals.sort((x, y) => x - y);
  const n = intervals.length;
  const mid = Math.floor(n / 2);
  const medianMs =
    n % 2 === 1
      ? (intervals[mid] as number)
      : Math.floor(((intervals[mid - 1] as number) + (intervals[mid] as number)) / 2);
  return {
    sampleSize: n,
    medianMs,
    p10Ms: percentile(intervals, 10),
    p90Ms: percentile(intervals, 90),
    last,
    first,
  };
}

/** Whether the last block is older than a threshold derived from recent intervals. */
export function detectStall(stats: IntervalStats, now: number, options: StallOptions = {}): Stall {
  const factor = options.stallFactor ?? DEFAULT_STALL_FACTOR;
  const floorSeconds = options.minStallSeconds ?? DEFAULT_MIN_STALL_SECONDS;
  const thresholdSeconds = Math.max(floorSeconds, Math.ceil((factor * stats.p90Ms) / 1000));
  const ageSeconds = Math.max(0, now - stats.last.timestamp);
  return { stalled: ageSeconds > thresholdSeconds, ageSeconds, thresholdSeconds };
}

export interface CountdownParameters extends WindowOptions, StallOptions {
  /** Recent blocks of the chain, in any order. */
  blocks: readonly BlockTime[];
  targetHeight: number;
  /** Unix seconds; when given, a stall is reported. */
  now?: number;
}

export type Countdown =
  | { kind: 'no_data'; targetHeight: number }
  | {
      kind: 'reached';
      targetHeight: number;
      lastBlock: BlockTime;
      /** The target block's timestamp, when it is among the blocks given. */
      reachedAt: number | null;
    }
  | { kind: 'insufficient_data'; targetHeight: number; blocksLeft: number; lastBlock: BlockTime }
  | {
      kind: 'estimate';
      targetHeight: number;
      blocksLeft: number;
      /** Estimated unix seconds of the target block, from the median interval. */
      at: number;
      /** The p10-p90 band: all blocks as fast as p10, or as slow as p90. */
      earliest: number;
      latest: number;
      medianMs: number;
      p10Ms: number;
      p90Ms: number;
      sampleSize: number;
      lastBlock: BlockTime;
      /** Null when `now` was not given. While stalled, `at` is a lower bound. */
      stall: Stall | null;
    };

function after(from: number, blocks: number, intervalMs: number): number {
  // Rounded to whole seconds, in integers.
  return from + Math.floor((blocks * intervalMs + 500) / 1000);
}

/** Estimates when `targetHeight` will be produced, anchored at the most recent block. */
export function estimateCountdown(params: CountdownParameters): Countdown {
  const { targetHeight, blocks } = params;
  const sorted = byHeight(blocks);
  const lastBlock = sorted[sorted.length - 1];
  if (lastBlock === undefined) return { kind: 'no_data', targetHeight };
  if (targetHeight <= lastBlock.height) {
    const target = sorted.find((b) => b.height === targetHeight);
    return { kind: 'reached', targetHeight, lastBlock, reachedAt: target?.timestamp ?? null };
  }
  const blocksLeft = targetHeight - lastBlock.height;
  const stats = intervalStats(sorted, params);
  if (stats === null) return { kind: 'insufficient_data', targetHeight, blocksLeft, lastBlock };
  return {
    kind: 'estimate',
    targetHeight,
    blocksLeft,
    at: after(lastBlock.timestamp, blocksLeft, stats.medianMs),
    earliest: after(lastBlock.timestamp, blocksLeft, stats.p10Ms),
    latest: after(lastBlock.timestamp, blocksLeft, stats.p90Ms),
    medianMs: stats.medianMs,
    p10Ms: stats.p10Ms,
    p90Ms: stats.p90Ms,
    sampleSize: stats.sampleSize,
    lastBlock,
    stall: params.now === undefined ? null : detectStall(stats, params.now, params),
  };
}

export interface HeightAtTimeParameters extends WindowOptions, StallOptions {
  blocks: readonly BlockTime[];
  /** Unix seconds. */
  time: number;
  now?: number;
}

export type HeightAtTime =
  | { kind: 'no_data'; time: number }
  /** The time is before the first block given. */
  | { kind: 'before_data'; time: number; firstBlock: BlockTime }
  /** The time is covered by the blocks given: the last block at or before it. */
  | { kind: 'observed'; time: number; height: number }
  | { kind: 'insufficient_data'; time: number; lastBlock: BlockTime }
  | {
      kind: 'estimate';
      time: number;
      /** Expected height at `time`, from the median interval. */
      height: number;
      /** Band from p90 (slow) to p10 (fast) intervals. */
      low: number;
      high: number;
      sampleSize: number;
      lastBlock: BlockTime;
      stall: Stall | null;
    };

/** The inverse of the countdown: the height expected at a given time. */
export function heightAtTime(params: HeightAtTimeParameters): HeightAtTime {
  const { time } = params;
  const sorted = byHeight(params.blocks);
  const firstBlock = sorted[0];
  const lastBlock = sorted[sorted.length - 1];
  if (firstBlock === undefined || lastBlock === undefined) return { kind: 'no_data', time };
  if (time < firstBlock.timestamp) return { kind: 'before_data', time, firstBlock };
  if (time <= lastBlock.timestamp) {
    let height = firstBlock.height;
    for (const b of sorted) if (b.timestamp <= time) height = b.height;
    return { kind: 'observed', time, height };
  }
  const stats = intervalStats(sorted, params);
  if (stats === null) return { kind: 'insufficient_data', time, lastBlock };
  const elapsedMs = (time - lastBlock.timestamp) * 1000;
  // A zero interval (several blocks in one second) is taken as 1 ms to keep the division finite.
  const blocksIn = (intervalMs: number) => Math.floor(elapsedMs / Math.max(1, intervalMs));
  return {
    kind: 'estimate',
    time,
    height: lastBlock.height + blocksIn(stats.medianMs),
    low: lastBlock.height + blocksIn(stats.p90Ms),
    high: lastBlock.height + blocksIn(stats.p10Ms),
    sampleSize: stats.sampleSize,
    lastBlock,
    stall: params.now === undefined ? null : detectStall(stats, params.now, params),
  };
}
