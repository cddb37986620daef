import { BaseError } from '@ratify/aleo';
import { z } from 'zod';

/** `N/1m`: N votes per window (s, m or h), in bursts of at most N. */
export type Rate = { count: number; windowMs: number };

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** `VOTE_RELAY_RATE`: how many votes one client, and one voter address, may relay per window. */
export const rateSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{0,5}\/[1-9][0-9]{0,3}[smh]$/, 'a rate is COUNT/WINDOW, e.g. 10/1m or 3/30s')
  .transform((s): Rate => {
    const [count = '', window = ''] = s.split('/');
    const unit = window.slice(-1) as keyof typeof UNIT_MS;
    return { count: Number(count), windowMs: Number(window.slice(0, -1)) * UNIT_MS[unit] };
  });

export const DEFAULT_VOTE_RELAY_RATE = '10/1m';

export type Take = { ok: true } | { ok: false; retryAfterMs: number };

export type RateLimiter = {
  /** Spends one token of `key`'s bucket, or says how long until the next one. */
  take: (key: string) => Take;
};

/** Buckets idle this long are full again: forgetting them keeps memory bounded. */
const forgetAfter = (rate: Rate) => rate.windowMs;

/**
 * A token bucket per key, in memory: `count` tokens, refilled evenly over the window. One
 * process, one set of buckets; behind several dashboards each limits on its own.
 */
export function createRateLimiter(rate: Rate, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = rate.count / rate.windowMs;
  let lastSweep = now();
  const sweep = (t: number) => {
    if (t - lastSweep < rate.windowMs) return;
    lastSweep = t;
    for (const [key, b] of buckets) if (t - b.at >= forgetAfter(rate)) buckets.delete(key);
  };
  return {
    take(key) {
      const t = now();
      sweep(t);
      const b = buckets.get(key) ?? { tokens: rate.count, at: t };
      const tokens = Math.min(rate.count, b.tokens + (t - b.at) * perMs);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t });
        return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      return { ok: true };
    },
  };
}

/** The relay's two limits: per client (before any work) and per voter (once the signature holds). */
export type VoteRateLimits = { client: RateLimiter; voter: RateLimiter };

export function createVoteRateLimits(rate: Rate, now?: () => number): VoteRateLimits {
  return { client: createRateLimiter(rate, now), voter: createRateLimiter(rate, now) };
}

export const retryAfterSeconds = (t: { retryAfterMs: number }) =>
  Math.max(1, Math.ceil(t.retryAfterMs / 1000));

/** Too many votes from one client or for one voter address; retrying later helps. */
export class VoteRateLimited extends BaseError {
  override name = 'VoteRateLimited';
  constructor(
    who: 'client' | 'voter',
    readonly retryAfterMs: number,
  ) {
    const wait = retryAfterSeconds({ retryAfterMs });
    super(
      who === 'client'
        ? `too many votes from this client: try again in ${wait} s`
        : `too many votes for this voter address: try again in ${wait} s`,
      { retryable: true },
    );
  }
}

/** Spends a token or throws `VoteRateLimited`. */
export function spend(limits: VoteRateLimits, who: 'client' | 'voter', key: string): void {
  const taken = limits[who].take(key);
  if (!taken.ok) throw new VoteRateLimited(who, taken.retryAfterMs);
}
