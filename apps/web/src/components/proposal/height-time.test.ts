import { describe, expect, it } from 'vitest';
import { answerHeightOrTime } from './height-time';

// One block every 10 s, heights 100..110, the last at 2026-12-01 20:00:00 UTC.
const LAST = Date.UTC(2026, 11, 1, 20, 0, 0) / 1000;
const blocks = Array.from({ length: 11 }, (_, i) => ({
  height: 100 + i,
  timestamp: LAST - (10 - i) * 10,
}));

describe('answerHeightOrTime', () => {
  it('estimates when a future height is due, with the band', () => {
    expect(answerHeightOrTime('116', blocks, LAST).text).toBe(
      'height 116 is expected at about 2026-12-01 20:01 UTC (between 2026-12-01 20:01 UTC and 2026-12-01 20:01 UTC), 6 blocks from now',
    );
  });

  it('dates a height already produced', () => {
    expect(answerHeightOrTime('105', blocks, LAST).text).toBe(
      'height 105 was produced at 2026-12-01 19:59 UTC',
    );
  });

  it('finds the height expected at a future time, read as UTC', () => {
    expect(answerHeightOrTime('2026-12-01 20:10', blocks, LAST)).toEqual({
      kind: 'time',
      time: LAST + 600,
      text: 'at 2026-12-01 20:10 UTC the chain is expected at height 170 (between 170 and 170)',
    });
  });

  it('finds the height at a time already past', () => {
    expect(answerHeightOrTime('2026-12-01T19:59:20Z', blocks, LAST).text).toBe(
      'at 2026-12-01 19:59 UTC the chain was at height 106',
    );
  });

  it.each(['', 'soon', '-3', '1.5', '2026-13-45 99:99'])('refuses %j with a hint', (input) => {
    expect(answerHeightOrTime(input, blocks, LAST).kind).toBe('invalid');
  });

  it('refuses a height past u32', () => {
    expect(answerHeightOrTime('4294967296', blocks, LAST).text).toBe(
      'a height is a u32 block height',
    );
  });
});
