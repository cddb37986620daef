import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCountdown, heightAtTime, intervalStats } from './countdown';
import type { BlockTime } from './types';

/** Blocks from `height`, starting at `timestamp`, separated by the given intervals in seconds. */
function chain(intervals: readonly number[], height = 0, timestamp = 1_000): BlockTime[] {
  const blocks: BlockTime[] = [{ height, timestamp }];
  for (const dt of intervals) {
    const last = blocks[blocks.length - 1] as BlockTime;
    blocks.push({ height: last.height + 1, timestamp: last.timestamp + dt });
  }
  return blocks;
}

const regular = chain(Array(20).fill(10)); // heights 0-20, last at 1200
const irregular = chain([7, 2, 30, 4, 10, 5, 3, 9, 6, 8]); // heights 0-10, last at 1084

describe('intervalStats', () => {
  it.each([
    {
      name: 'regular',
      blocks: regular,
      o: {},
      expected: { sampleSize: 20, medianMs: 10_000, p10Ms: 10_000, p90Ms: 10_000 },
    },
    {
      name: 'irregular',
      blocks: irregular,
      o: {},
      expected: { sampleSize: 10, medianMs: 6_500, p10Ms: 2_000, p90Ms: 10_000 },
    },
    {
      name: 'odd sample',
      blocks: chain([1, 2, 9]),
      o: {},
      expected: { sampleSize: 3, medianMs: 2_000, p10Ms: 1_000, p90Ms: 9_000 },
    },
    {
      name: 'gaps between heights are spread over their blocks',
      blocks: [
        { height: 0, timestamp: 0 },
        { height: 5, timestamp: 50 },
        { height: 8, timestamp: 60 },
      ],
      o: {},
      expected: { sampleSize: 2, medianMs: 6_666, p10Ms: 3_333, p90Ms: 10_000 },
    },
    {
      name: 'only the recent window counts',
      blocks: chain([...Array(200).fill(5), ...Array(10).fill(20)]),
      o: { window: 10 },
      expected: { sampleSize: 10, medianMs: 20_000, p10Ms: 20_000, p90Ms: 20_000 },
    },
    {
      name: 'a clock stepping back counts as zero',
      blocks: chain([10, -3, 10]),
      o: {},
      expected: { sampleSize: 3, medianMs: 10_000, p10Ms: 0, p90Ms: 10_000 },
    },
  ])('$name', ({ blocks, o, expected }) => {
    expect(intervalStats(blocks, o)).toMatchObject(expected);
  });

  it('is null below two blocks, and order or duplicates do not matter', () => {
    expect(intervalStats([])).toBeNull();
    expect(intervalStats([{ height: 3, timestamp: 9 }])).toBeNull();
    expect(intervalStats([...irregular].reverse().concat(irregular))).toEqual(
      intervalStats(irregular),
    );
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => intervalStats(regular, { window: 0 })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: window must be a positive integer]`,
    );
  });
});

describe('estimateCountdown', () => {
  it.each([
    {
      name: 'regular blocks',
      p: { blocks: regular, targetHeight: 30, now: 1_205 },
      expected: {
        kind: 'estimate',
        blocksLeft: 10,
        at: 1_300,
        earliest: 1_300,
        latest: 1_300,
        sampleSize: 20,
        stall: { stalled: false, ageSeconds: 5, thresholdSeconds: 30 },
      },
    },
    {
      name: 'irregular blocks give a band',
      p: { blocks: irregular, targetHeight: 14, now: 1_090 },
      expected: {
        kind: 'estimate',
        blocksLeft: 4,
        at: 1_110,
        earliest: 1_092,
        latest: 1_124,
        medianMs: 6_500,
        p10Ms: 2_000,
        p90Ms: 10_000,
        stall: { stalled: false },
      },
    },
    {
      name: 'stalled: last block older than 3 p90 intervals',
      p: { blocks: regular, targetHeight: 30, now: 1_231 },
      expected: {
        kind: 'estimate',
        at: 1_300,
        stall: { stalled: true, ageSeconds: 31, thresholdSeconds: 30 },
      },
    },
    {
      name: 'exactly at the stall threshold is not a stall',
      p: { blocks: regular, targetHeight: 30, now: 1_230 },
      expected: { stall: { stalled: false, ageSeconds: 30 } },
    },
    {
      name: 'stall threshold has a floor on fast chains',
      p: { blocks: chain(Array(10).fill(1)), targetHeight: 20, now: 1_020 },
      expected: { stall: { stalled: false, ageSeconds: 10, thresholdSeconds: 10 } },
    },
    {
      name: 'custom stall factor',
      p: { blocks: regular, targetHeight: 30, now: 1_221, stallFactor: 2 },
      expected: { stall: { stalled: true, thresholdSeconds: 20 } },
    },
    {
      name: 'no clock given',
      p: { blocks: regular, targetHeight: 21 },
      expected: { kind: 'estimate', at: 1_210, stall: null },
    },
    {
      name: 'target already produced',
      p: { blocks: regular, targetHeight: 15 },
      expected: { kind: 'reached', reachedAt: 1_150 },
    },
    {
      name: 'target is the last block',
      p: { blocks: regular, targetHeight: 20 },
      expected: { kind: 'reached', reachedAt: 1_200 },
    },
    {
      name: 'target before the blocks given',
      p: { blocks: regular.slice(5), targetHeight: 1 },
      expected: { kind: 'reached', reachedAt: null },
    },
    {
      name: 'one block',
      p: { blocks: regular.slice(0, 1), targetHeight: 5 },
      expected: { kind: 'insufficient_data', blocksLeft: 5 },
    },
    { name: 'no blocks', p: { blocks: [], targetHeight: 5 }, expected: { kind: 'no_data' } },
  ])('$name', ({ p, expected }) => {
    expect(estimateCountdown(p)).toMatchObject(expected);
  });
});

describe('heightAtTime', () => {
  it.each([
    {
      name: 'after the last block',
      p: { blocks: regular, time: 1_255 },
      expected: { kind: 'estimate', height: 25, low: 25, high: 25 },
    },
    {
      name: 'irregular band',
      p: { blocks: irregular, time: 1_104 },
      expected: { kind: 'estimate', height: 13, low: 12, high: 20 },
    },
    {
      name: 'within the blocks given',
      p: { blocks: regular, time: 1_105 },
      expected: { kind: 'observed', height: 10 },
    },
    {
      name: 'at the last block',
      p: { blocks: regular, time: 1_200 },
      expected: { kind: 'observed', height: 20 },
    },
    {
      name: 'before the first block',
      p: { blocks: regular, time: 999 },
      expected: { kind: 'before_data' },
    },
    {
      name: 'one block',
      p: { blocks: regular.slice(0, 1), time: 2_000 },
      expected: { kind: 'insufficient_data' },
    },
    { name: 'no blocks', p: { blocks: [], time: 2_000 }, expected: { kind: 'no_data' } },
    {
      name: 'reports a stall',
      p: { blocks: regular, time: 1_300, now: 1_300 },
      expected: { stall: { stalled: true } },
    },
  ])('$name', ({ p, expected }) => {
    expect(heightAtTime(p)).toMatchObject(expected);
  });

  it('inverts the countdown on regular chains', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 100_000 }),
        (dt, ahead) => {
          const blocks = chain(Array(10).fill(dt), 1_000, 1_700_000_000);
          const c = estimateCountdown({ blocks, targetHeight: 1_010 + ahead });
          if (c.kind !== 'estimate') throw new Error(c.kind);
          expect(heightAtTime({ blocks, time: c.at })).toMatchObject({ height: 1_010 + ahead });
        },
      ),
    );
  });
});
