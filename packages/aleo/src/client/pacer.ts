import { sleep } from './sleep';

export type Pacer = {
  /** Waits for a request slot: both the rate and the parallel bound. Returns a release. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** The node refused for load: halve the rate and pause for `waitMs`. */
  onRateLimited(waitMs: number): void;
  onSuccess(): void;
  readonly rate: number;
};

/**
 * Spaces request starts at 1/rate and bounds requests in flight. The rate halves on a
 * rate limit and creeps back up on successes (additive increase, multiplicative decrease).
 */
export function createPacer(opts: { requestsPerSecond: number; maxParallel: number }): Pacer {
  const maxRate = opts.requestsPerSecond;
  const minRate = Math.min(0.5, maxRate);
  let rate = maxRate;
  let nextStart = 0;
  let pausedUntil = 0;
  let inFlight = 0;
  const waiters: Array<() => void> = [];

  const release = () => {
    inFlight--;
    waiters.shift()?.();
  };

  async function slot(signal?: AbortSignal): Promise<void> {
    if (inFlight < opts.maxParallel) {
      inFlight++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        inFlight++;
        resolve();
      };
      const onAbort = () => {
        const i = waiters.indexOf(wake);
        if (i >= 0) waiters.splice(i, 1);
        reject(signal?.reason);
      };
      waiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    get rate() {
      return rate;
    },
    async acquire(signal) {
      signal?.throwIfAborted();
      await slot(signal);
      try {
        const now = Date.now();
        const start = Math.max(now, nextStart, pausedUntil);
        nextStart = start + 1000 / rate;
        if (start > now) await sleep(start - now, signal);
      } catch (error) {
        release();
        throw error;
      }
      let released = false;
      return () => {
        if (!released) {
          released = true;
          release();
        }
      };
    },
    onRateLimited(waitMs) {
      rate = Math.max(minRate, rate / 2);
      pausedUntil = Math.max(pausedUntil, Date.now() + waitMs);
    },
    onSuccess() {
      rate = Math.min(maxRate, rate + maxRate / 20);
    },
  };
}
