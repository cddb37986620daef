import type { DbClient } from '@ratify/db';
import type { LogEvent } from '../follow/follower';
import type { AlertSettings } from './config';
import { startAlertDelivery } from './delivery';
import { startAlertEvaluation } from './evaluate';

export { AlertConfigError, type AlertSettings, parseAlertEnv, type Receiver } from './config';
export { type RetryPolicy, startAlertDelivery } from './delivery';
export { type IndexPause, indexPausedAlert, raiseIndexPaused } from './index-paused';
export { sendAlert } from './send';

export type AlertsOptions = {
  database: DbClient;
  settings: AlertSettings;
  log: (event: LogEvent) => void;
  signal: AbortSignal;
  isCaughtUp?: (chainNetworkId: string) => boolean;
};

/** Raising and delivering, as the indexer runs them; `beforeCommit` goes to `writeBatch`. */
export function startAlerts(options: AlertsOptions) {
  const delivery = startAlertDelivery({
    database: options.database,
    receivers: options.settings.receivers,
    log: options.log,
    signal: options.signal,
    intervalMs: options.settings.timing?.deliveryIntervalMs,
    retry: options.settings.timing?.retry,
  });
  const evaluation = startAlertEvaluation({
    database: options.database,
    leadSeconds: options.settings.leadSeconds,
    log: options.log,
    signal: options.signal,
    isCaughtUp: options.isCaughtUp,
    intervalMs: options.settings.timing?.evaluateIntervalMs,
    onRaised: delivery.kick,
  });
  return {
    beforeCommit: evaluation.beforeCommit,
    delivery,
    done: Promise.all([delivery.done, evaluation.done]).then(() => {}),
  };
}
