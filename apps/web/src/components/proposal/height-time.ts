import { type BlockTime, estimateCountdown, heightAtTime } from '@ratify/governance';

export type HeightTimeAnswer =
  | { kind: 'invalid'; text: string }
  | { kind: 'height'; height: number; text: string }
  | { kind: 'time'; time: number; text: string };

const U32_MAX = 0xffff_ffff;
// `2026-12-01 21:30`, `2026-12-01T21:30:00Z`: read as UTC unless a zone is given.
const TIME_INPUT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/;

function utc(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Answers "when is height H" (a whole number) or "which height at time T" (a UTC date and
 * time) from recent block times, with the same estimates and p10-p90 band as the countdown.
 */
export function answerHeightOrTime(
  input: string,
  blocks: readonly BlockTime[],
  now: number,
): HeightTimeAnswer {
  const text = input.trim();
  if (/^\d+$/.test(text)) {
    const height = Number(text);
    if (height > U32_MAX) return { kind: 'invalid', text: 'a height is a u32 block height' };
    const c = estimateCountdown({ blocks, targetHeight: height, now });
    switch (c.kind) {
      case 'no_data':
        return { kind: 'height', height, text: 'no blocks indexed yet' };
      case 'reached':
        return {
          kind: 'height',
          height,
          text:
            c.reachedAt === null
              ? `height ${count(height)} was produced before the recent blocks`
              : `height ${count(height)} was produced at ${utc(c.reachedAt)}`,
        };
      case 'insufficient_data':
        return { kind: 'height', height, text: 'too few blocks yet to estimate a time' };
      case 'estimate':
        return {
          kind: 'height',
          height,
          text: `height ${count(height)} is expected at about ${utc(c.at)} (between ${utc(c.earliest)} and ${utc(c.latest)}), ${count(c.blocksLeft)} blocks from now`,
        };
    }
  }
  if (TIME_INPUT.test(text)) {
    const iso = text.replace(' ', 'T');
    const ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
    if (Number.isNaN(ms)) return { kind: 'invalid', text: `${text} is not a date and time` };
    const time = Math.floor(ms / 1000);
    const h = heightAtTime({ blocks, time, now });
    switch (h.kind) {
      case 'no_data':
        return { kind: 'time', time, text: 'no blocks indexed yet' };
      case 'before_data':
        return {
          kind: 'time',
          time,
          text: `${utc(time)} is before the recent blocks (from height ${count(h.firstBlock.height)})`,
        };
      case 'observed':
        return {
          kind: 'time',
          time,
          text: `at ${utc(time)} the chain was at height ${count(h.height)}`,
        };
      case 'insufficient_data':
        return { kind: 'time', time, text: 'too few blocks yet to estimate a height' };
      case 'estimate':
        return {
          kind: 'time',
          time,
          text: `at ${utc(time)} the chain is expected at height ${count(h.height)} (between ${count(h.low)} and ${count(h.high)})`,
        };
    }
  }
  return {
    kind: 'invalid',
    text: 'enter a block height (e.g. 1200) or a UTC date and time (e.g. 2026-12-01 21:30)',
  };
}
