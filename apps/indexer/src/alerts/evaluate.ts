import { setTimeout as sleep } from 'node:timers/promises';
import {
  alertKey,
  clearAlertsExcept,
  type DbClient,
  type IndexedBatch,
  type Queryable,
  raiseAlerts,
} from '@ratify/db';
import type { LogEvent } from '../follow/follower';
import { batchScope, currentConditions, STATE_KINDS } from './conditions';

export type AlertEvaluationOptions = {
  database: DbClient;
  leadSeconds: number;
  log: (event: LogEvent) => void;
  signal: AbortSignal;
  isCaughtUp?: (chainNetworkId: string) => boolean;
  /** How often the clock-based conditions are judged. Default 2 s. */
  intervalMs?: number;
  /** Called after new events were recorded outside a batch (the delivery worker looks sooner). */
  onRaised?: () => void;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The two places events are raised: `beforeCommit` inside each batch's transaction (what
 * the batch's data shows, for the proposals it may have changed), and a timer (what the clock
 * changes: stalls, countdowns; and every proposal again), which also clears the states that no
 * longer hold.
 */
export function startAlertEvaluation(options: AlertEvaluationOptions) {
  const { database, log, signal } = options;
  const judge = { leadSeconds: options.leadSeconds, isCaughtUp: options.isCaughtUp };

  const beforeCommit = async (tx: Queryable, batch: IndexedBatch) => {
    try {
      // In a savepoint: a rule that fails must not cost the batch, only its alerts.
      const raised = await tx.transaction(async (sp) => {
        const now = nowSeconds();
        const scope = batchScope(batch);
        return raiseAlerts(
          sp,
          await currentConditions(sp, { ...judge, now, timeBased: false, scope }),
        );
      });
      if (raised.length > 0) log({ level: 'info', msg: 'alerts raised', keys: raised });
    } catch (error) {
      log({ level: 'warn', msg: 'alert evaluation failed', error: (error as Error).message });
    }
  };

  const tick = async () => {
    const events = await currentConditions(database.db, {
      ...judge,
      now: nowSeconds(),
      timeBased: true,
    });
    // Outside any batch: single statements, so they never wait on a lock while holding one.
    const raised = await raiseAlerts(database.db, events, { reactivate: true });
    const cleared = await clearAlertsExcept(database.db, STATE_KINDS, events.map(alertKey));
    if (raised.length > 0) {
      log({ level: 'info', msg: 'alerts raised', keys: raised });
      options.onRaised?.();
    }
    if (cleared.length > 0) log({ level: 'info', msg: 'alerts cleared', keys: cleared });
  };

  const loop = async () => {
    while (!signal.aborted) {
      try {
        await tick();
      } catch (error) {
        if (!signal.aborted)
          log({ level: 'warn', msg: 'alert evaluation failed', error: (error as Error).message });
      }
      await sleep(options.intervalMs ?? 2_000, undefined, { signal }).catch(() => {});
    }
  };

  return { beforeCommit, tick, done: loop() };
}
