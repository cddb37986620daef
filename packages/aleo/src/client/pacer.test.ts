import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer';

/** An unpaced pacer on a clock the test moves: acquire never waits, so no timers run. */
function clocked(requestsPerSecond = Number.POSITIVE_INFINITY) {
  let t = 1_000_000;
  const pacer = createPacer({ requestsPerSecond, maxParallel: 100, now: () => t });
  return {
    pacer,
    at: (ms: number) => {
      t = 1_000_000 + ms;
    },
    ticket: () => pacer.acquire(),
  };
}

describe('createPacer', () => {
  it('learns the limit as what the node took in the second before refusing', async () => {
    const c = clocked();
    for (let i = 0; i < 10; i++) {
      c.at(i * 50);
      c.pacer.onSuccess({ ...(await c.ticket()), paced: true });
    }
    c.at(600);
    const refused = await c.ticket();
    const alsoRefused = await c.ticket();
    c.pacer.onRateLimited(refused, 1000);
    expect(c.pacer).toMatchObject({ learnedLimit: 10, rateLimits: 1 });
    expect(c.pacer.rate).toBeCloseTo(9.7);
    // An answer to a request sent before the cut is not a second limit.
    c.pacer.onRateLimited(alsoRefused, 1000);
    expect(c.pacer).toMatchObject({ learnedLimit: 10, rateLimits: 1 });
  });

  it('takes a refusal at 9.7/s from a 10/s node for a limit of 10, not 9', () => {
    let t = 0;
    const pacer = createPacer({ requestsPerSecond: 9.7, maxParallel: 4, now: () => t });
    const at = (startedAt: number) => ({ startedAt, paced: true, release: () => {} });
    for (let i = 0; i < 10; i++) pacer.onSuccess(at(i * 100));
    t = 1000;
    pacer.onRateLimited(at(990), 1000);
    expect(pacer).toMatchObject({ learnedLimit: 10, rateLimits: 1 });
    expect(pacer.rate).toBeCloseTo(9.7);
  });

  it('holds the learned rate while quiet, then probes upward', async () => {
    const c = clocked();
    c.pacer.onSuccess(await c.ticket());
    c.pacer.onRateLimited(await c.ticket(), 0);
    expect(c.pacer.rate).toBeCloseTo(0.97);
    c.at(10_000);
    c.pacer.onSuccess({ startedAt: 10_000, paced: true, release: () => {} });
    expect(c.pacer.rate).toBeCloseTo(0.97);
    c.at(31_000);
    c.pacer.onSuccess({ startedAt: 31_000, paced: true, release: () => {} });
    // Growth per success is 0.5/rate, at most 10%.
    expect(c.pacer.rate).toBeCloseTo(0.97 * 1.1);
  });

  it('probes upward from its starting rate only after a quiet spell, and not past the bound', async () => {
    let t = 0;
    const pacer = createPacer({
      requestsPerSecond: 8,
      maxRequestsPerSecond: 9,
      maxParallel: 1,
      now: () => t,
    });
    const busyFor = async (ms: number) => {
      for (const end = t + ms; t < end; ) {
        // Each request asks right at its turn, so the rate is what binds.
        const step = 1000 / pacer.rate;
        const ticket = await pacer.acquire();
        pacer.onSuccess(ticket);
        ticket.release();
        t += step;
      }
    };
    await busyFor(29_000);
    expect(pacer.rate).toBe(8);
    await busyFor(2_000);
    expect(pacer.rate).toBeGreaterThan(8.2);
    expect(pacer.rate).toBeLessThan(9);
    await busyFor(5_000);
    expect(pacer.rate).toBe(9);
  });

  it('bounds requests in flight and hands slots on in order', async () => {
    const pacer = createPacer({ requestsPerSecond: Number.POSITIVE_INFINITY, maxParallel: 2 });
    const a = await pacer.acquire();
    await pacer.acquire();
    const order: string[] = [];
    const c = pacer.acquire().then(() => order.push('c'));
    const d = pacer.acquire().then(() => order.push('d'));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    a.release();
    a.release(); // a second release of the same ticket frees nothing more
    await c;
    expect(order).toEqual(['c']);
    const ac = new AbortController();
    const e = pacer.acquire(ac.signal);
    ac.abort(new Error('gone'));
    await expect(e).rejects.toThrowError('gone');
    expect(order).toEqual(['c']);
    void d;
  });
});
