import { setTimeout as sleep } from 'node:timers/promises';
import {
  type DbClient,
  type DeliveryOutcome,
  type DueDelivery,
  deliverDue,
  enqueueDeliveries,
} from '@ratify/db';
import type { LogEvent } from '../follow/follower';
import type { Receiver } from './config';
import { sendAlert } from './send';

export type RetryPolicy = { baseMs: number; maxMs: number };

export type AlertDeliveryOptions = {
  database: DbClient;
  receivers: Receiver[];
  log: (event: LogEvent) => void;
  signal: AbortSignal;
  /** How often to look for due deliveries. Default 1 s. */
  intervalMs?: number;
  /** Exponential backoff after a failed attempt. Default 2 s doubling up to 10 min. */
  retry?: RetryPolicy;
  timeoutMs?: number;
};

export type AlertDelivery = {
  /** Look now rather than at the next interval (after new events were committed). */
  kick: () => void;
  counts: { sent: number; failed: number };
  /** Resolves once the worker has stopped (after `signal` aborts) and no send is in flight. */
  done: Promise<void>;
};

/** Delay before attempt `attempts + 1`, after `attempts` failures: base·2^(n-1), capped, ±20 %. */
export function backoffMs(attempts: number, policy: RetryPolicy, random = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/**
 * The delivery worker. Every process may run one; the database lets only one send at a time
 * and keeps each event's state per receiver, so a restart resumes where it stopped.
 */
export function startAlertDelivery(options: AlertDeliveryOptions): AlertDelivery {
  const { database, receivers, log, signal } = options;
  const policy = options.retry ?? { baseMs: 2_000, maxMs: 600_000 };
  const byId = new Map(receivers.map((r) => [r.id, r]));
  const counts = { sent: 0, failed: 0 };
  let wake: (() => void) | undefined;
  let kicked = false;

  const send = async (due: DueDelivery[]): Promise<DeliveryOutcome[]> => {
    // In order per receiver, receivers in parallel: one slow receiver does not hold up others.
    const outcomes = new Array<DeliveryOutcome>(due.length);
    const groups = new Map<string, number[]>();
    for (const [i, d] of due.entries())
      groups.set(d.receiverId, [...(groups.get(d.receiverId) ?? []), i]);
    await Promise.all(
      [...groups.entries()].map(async ([id, indexes]) => {
        const receiver = byId.get(id);
        for (const i of indexes) {
          const d = due[i] as DueDelivery;
          if (!receiver) {
            outcomes[i] = {
              ok: false,
              error: 'receiver no longer configured',
              retryInMs: policy.maxMs,
            };
            continue;
          }
          const result = await sendAlert(receiver, d.event, {
            attempt: d.attempts + 1,
            timeoutMs: options.timeoutMs,
          });
          if (result.ok) {
            counts.sent += 1;
            outcomes[i] = { ok: true };
            log({
              level: 'info',
              msg: 'alert delivered',
              key: d.event.key,
              receiver: receiver.label,
              attempt: d.attempts + 1,
              ms: result.ms,
            });
          } else {
            counts.failed += 1;
            const retryInMs = Math.min(
              policy.maxMs,
              Math.max(result.retryAfterMs ?? 0, backoffMs(d.attempts + 1, policy)),
            );
            outcomes[i] = { ok: false, error: result.error, retryInMs };
            log({
              level: 'warn',
              msg: 'alert delivery failed',
              key: d.event.key,
              receiver: receiver.label,
              attempt: d.attempts + 1,
              error: result.error,
              retryInMs,
            });
          }
        }
      }),
    );
    return outcomes;
  };

  const round = async () => {
    await enqueueDeliveries(database.db, receivers);
    // Keep going while full rounds come back: a backlog drains without waiting for the timer.
    for (;;) {
      const result = await deliverDue(
        database.db,
        { receiverIds: [...byId.keys()], limit: 20 },
        send,
      );
      if (result === 'busy' || result.sent + result.failed < 20 || signal.aborted) return;
    }
  };

  const loop = async () => {
    if (receivers.length === 0) return;
    log({ level: 'info', msg: 'alert delivery started', receivers: receivers.map((r) => r.label) });
    while (!signal.aborted) {
      try {
        await round();
      } catch (error) {
        // The round's transaction rolled back: nothing was marked, it is simply tried again.
        log({ level: 'warn', msg: 'alert delivery round failed', error: (error as Error).message });
      }
      if (signal.aborted || kicked) {
        kicked = false;
        continue;
      }
      await Promise.race([
        sleep(options.intervalMs ?? 1_000, undefined, { signal }).catch(() => {}),
        new Promise<void>((resolve) => {
          wake = resolve;
        }),
      ]);
      wake = undefined;
      kicked = false;
    }
  };

  return {
    kick: () => {
      kicked = true;
      wake?.();
    },
    counts,
    done: loop(),
  };
}
