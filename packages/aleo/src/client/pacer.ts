import { sleep } from './sleep';

export type PacerOptions = {
  /** Starting rate. `Infinity`: unpaced until a node answers with a rate limit. */
  requestsPerSecond: number;
  /** The pacer never probes above this. Default: no bound. */
  maxRequestsPerSecond?: number;
  /** Requests in flight at once. */
  maxParallel: number;
  now?: () => number;
};

/**
 * One granted request: when it started, whether the rate held it back (only then does
 * its success say the rate could be higher), and how to give its slot back.
 */
export type PacerTicket = { startedAt: number; paced: boolean; release: () => void };

export type Pacer = {
  /** Waits for a request slot: both the rate and the parallel bound. */
  acquire(signal?: AbortSignal): Promise<PacerTicket>;
  onSuccess(ticket: PacerTicket): void;
  /** The node refused for load: pause for `waitMs` and settle just under what it took. */
  onRateLimited(ticket: PacerTicket, waitMs: number | undefined): void;
  /** Current rate per second (`Infinity` when unpaced). */
  readonly rate: number;
  /** The rate limit the node has shown, per second, if it has shown one. */
  readonly learnedLimit: number | undefined;
  /** Rate-limit answers so far. */
  readonly rateLimits: number;
};

// Below the limit the node showed, so arrival jitter does not tip a second over it.
const MARGIN = 0.97;
// Once quiet for a spell, the rate grows this much per second to find the node's limit (or
// whether it rose): slowly, so it is barely past the limit when the refusal comes and the
// count of what the node took is a fair measure of it.
const PROBE_GROWTH = 0.5;
const FIRST_QUIET_MS = 30_000;
const MAX_QUIET_MS = 600_000;
const MIN_RATE = 0.2;
const WINDOW_MS = 1000;
const CATCH_UP_MS = 8;
const REPEAT_MS = 5000;
const REPEAT_CUT = 0.85;

/**
 * Paces request starts at 1/rate and bounds requests in flight. The rate is learned: it
 * starts at `requestsPerSecond`; on a limit answer it waits as told and drops to just under
 * the number of requests the node took in the second before, its limit. After a quiet
 * spell (30 s, and after each limit answer) it probes upward slowly; each probe that finds
 * the same limit doubles the spell (up to 10 min), so a steady node sees few limit answers.
 */
export function createPacer(opts: PacerOptions): Pacer {
  const now = opts.now ?? Date.now;
  const maxRate = opts.maxRequestsPerSecond ?? Number.POSITIVE_INFINITY;
  let rate = Math.min(opts.requestsPerSecond, maxRate);
  let learnedLimit: number | undefined;
  let rateLimits = 0;
  let quietMs = FIRST_QUIET_MS;
  // When the last limit answer cut the rate; answers to requests sent before it are old news.
  let cutAt = Number.NEGATIVE_INFINITY;
  // The starting rate counts as a first guess at the limit: probing starts after a spell.
  let quietSince = now();
  let nextStart = 0;
  let pausedUntil = 0;
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  // Start times of the requests the node took in the last second: the limit, when it bites.
  const taken: number[] = [];

  const freeSlot = () => {
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

  const forget = (before: number) => {
    let drop = 0;
    while (drop < taken.length && (taken[drop] as number) <= before) drop++;
    if (drop > 0) taken.splice(0, drop);
  };

  return {
    get rate() {
      return rate;
    },
    get learnedLimit() {
      return learnedLimit;
    },
    get rateLimits() {
      return rateLimits;
    },
    async acquire(signal) {
      signal?.throwIfAborted();
      await slot(signal);
      let startedAt: number;
      // Held back by the rate, or asking no later than half a step after its turn: the rate
      // is what binds.
      let paced = Number.isFinite(rate) && now() <= nextStart + 500 / rate;
      try {
        // Re-read the clock after each wait: a rate limit may have paused us meanwhile.
        for (;;) {
          const t = now();
          const start = Math.max(t, nextStart, pausedUntil);
          if (start <= t) {
            startedAt = t;
            break;
          }
          if (start === nextStart) paced = true;
          await sleep(start - t, signal);
        }
        // From the planned start, not the actual one: timers fire a little late, and that
        // lateness must not add up into a slower rate. At most a few ms are caught up.
        nextStart = Number.isFinite(rate)
          ? Math.max(nextStart, startedAt - CATCH_UP_MS) + 1000 / rate
          : 0;
      } catch (error) {
        freeSlot();
        throw error;
      }
      let released = false;
      return {
        startedAt,
        paced,
        release: () => {
          if (!released) {
            released = true;
            freeSlot();
          }
        },
      };
    },
    onSuccess(ticket) {
      taken.push(ticket.startedAt);
      forget(now() - 2 * WINDOW_MS);
      // An idle client learns nothing about the node's limit from its few requests.
      if (!Number.isFinite(rate) || !ticket.paced) return;
      // Per success, PROBE_GROWTH/rate adds PROBE_GROWTH per second; at most 10% a step.
      if (now() - quietSince >= quietMs) {
        rate = Math.min(maxRate, rate + Math.min(PROBE_GROWTH / rate, rate * 0.1));
      }
    },
    onRateLimited(ticket, waitMs) {
      const t = now();
      pausedUntil = Math.max(pausedUntil, t + (waitMs ?? 1000));
      // Answers to requests sent before the last cut say nothing new about the limit.
      if (ticket.startedAt <= cutAt) return;
      rateLimits++;
      const tookInWindow = taken.filter(
        (s) => s > ticket.startedAt - WINDOW_MS && s <= ticket.startedAt,
      ).length;
      // A client paced at `rate` sends at most ceil(rate) in a second; a count above that
      // comes from the second before, when the node may have been counting another window.
      const bound = Number.isFinite(rate) ? Math.max(1, Math.ceil(rate)) : tookInWindow;
      let limit =
        tookInWindow > 0
          ? Math.min(tookInWindow, bound)
          : Math.max(MIN_RATE, Math.min(rate, 2) / 2);
      // Refused again soon after a cut: the count still held another window's requests, so
      // fall back to cutting the rate by a fixed share.
      if (t - cutAt < REPEAT_MS) limit = Math.min(limit, rate * REPEAT_CUT);
      // A limit no higher than last time means probing found nothing: probe less often.
      if (learnedLimit !== undefined && limit <= learnedLimit * 1.05) {
        quietMs = Math.min(MAX_QUIET_MS, quietMs * 2);
      }
      learnedLimit = limit;
      rate = Math.max(MIN_RATE, Math.min(rate, limit * MARGIN));
      cutAt = t;
      quietSince = t;
      nextStart = Math.max(nextStart, pausedUntil);
    },
  };
}
