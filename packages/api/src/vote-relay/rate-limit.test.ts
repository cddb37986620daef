import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  createVoteRateLimits,
  rateSchema,
  spend,
  VoteRateLimited,
} from './rate-limit';

const clock = (start = 0) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('rateSchema', () => {
  it('reads COUNT/WINDOW with s, m or h', () => {
    expect(rateSchema.parse('10/1m')).toEqual({ count: 10, windowMs: 60_000 });
    expect(rateSchema.parse('3/30s')).toEqual({ count: 3, windowMs: 30_000 });
    expect(rateSchema.parse(' 100/2h ')).toEqual({ count: 100, windowMs: 7_200_000 });
  });

  it.each(['', '10', '0/1m', '10/0m', '10/1d', '-1/1m', '1.5/1m', '10/m', 'ten/1m', '9999999/1m'])(
    'refuses %j with one clear message',
    (text) => {
      const parsed = rateSchema.safeParse(text);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('a rate is COUNT/WINDOW, e.g. 10/1m or 3/30s');
    },
  );
});

describe('createRateLimiter', () => {
  it('lets a burst of COUNT through, then says when the next token comes', () => {
    const c = clock();
    const limiter = createRateLimiter({ count: 3, windowMs: 30_000 }, c.now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 10_000 });
    c.advance(9_999);
    expect(limiter.take('a').ok).toBe(false);
    c.advance(1);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const c = clock();
    const limiter = createRateLimiter({ count: 1, windowMs: 60_000 }, c.now);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
  });

  it('refills to COUNT at most, however long a key was idle', () => {
    const c = clock();
    const limiter = createRateLimiter({ count: 2, windowMs: 1_000 }, c.now);
    limiter.take('a');
    c.advance(3_600_000);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, false]);
  });

  it('never lets more than COUNT + elapsed * rate through (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1_000, max: 120_000 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 200 }),
        (count, windowMs, gaps) => {
          const c = clock();
          const limiter = createRateLimiter({ count, windowMs }, c.now);
          let allowed = 0;
          for (const gap of gaps) {
            c.advance(gap);
            if (limiter.take('k').ok) allowed++;
          }
          const elapsed = gaps.reduce((a, b) => a + b, 0);
          expect(allowed).toBeLessThanOrEqual(count + Math.floor((elapsed * count) / windowMs));
        },
      ),
    );
  });
});

describe('spend', () => {
  it('throws VoteRateLimited with the wait in seconds', () => {
    const c = clock();
    const limits = createVoteRateLimits({ count: 1, windowMs: 60_000 }, c.now);
    spend(limits, 'client', '10.0.0.1');
    expect(() => spend(limits, 'client', '10.0.0.1')).toThrowErrorMatchingInlineSnapshot(
      `[VoteRateLimited: too many votes from this client: try again in 60 s]`,
    );
    spend(limits, 'voter', 'ax1voter');
    c.advance(30_500);
    expect(() => spend(limits, 'voter', 'ax1voter')).toThrowErrorMatchingInlineSnapshot(
      `[VoteRateLimited: too many votes for this voter address: try again in 30 s]`,
    );
    expect(() => spend(limits, 'voter', 'ax1voter')).toThrow(VoteRateLimited);
  });
});
