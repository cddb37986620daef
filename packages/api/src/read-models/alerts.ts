import { type AlertEventRecord, type Database, deliveryStates, listAlertEvents } from '@ratify/db';
import { ALERT_KINDS, type AlertSeverity } from '@ratify/governance';
import { defineView } from './cache/define-view';

/** One recorded event as the dashboard and `/api/v1/alerts` show it (JSON-safe). */
export type Alert = {
  key: string;
  /** The event's kind, e.g. `genesis_mismatch`. */
  code: string;
  severity: AlertSeverity;
  message: string;
  /** Where the dashboard shows the details. */
  href: string;
  chainNetworkId: string | null;
  height: number | null;
  raisedAt: string;
  clearedAt: string | null;
};

const SEVERITY_RANK: Record<string, number> = { critical: 0, warning: 1, info: 2 };
const KIND_RANK = new Map(Object.keys(ALERT_KINDS).map((k, i) => [k, i]));

function toAlert(e: AlertEventRecord): Alert {
  return {
    key: e.key,
    code: e.kind,
    severity: e.severity as AlertSeverity,
    message: e.message,
    href: e.href,
    chainNetworkId: e.chainNetworkId,
    height: e.height,
    raisedAt: e.raisedAt.toISOString(),
    clearedAt: e.clearedAt?.toISOString() ?? null,
  };
}

/**
 * What an operator must act on, on every page: the events the indexer recorded whose
 * condition still holds, critical first. The webhooks are sent the same records.
 */
export async function buildAlerts(db: Database): Promise<Alert[]> {
  const active = await listAlertEvents(db, { active: true, limit: 200 });
  return active
    .filter((e) => e.severity !== 'info')
    .map(toAlert)
    .sort(
      (a, b) =>
        (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) ||
        (KIND_RANK.get(a.code) ?? 99) - (KIND_RANK.get(b.code) ?? 99) ||
        b.raisedAt.localeCompare(a.raisedAt),
    );
}

export type AlertDelivery = {
  /** The receiver's origin; its full URL may carry a token and is not stored. */
  receiver: string;
  attempts: number;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
};

/**
 * Every recorded event, newest first, including informational and cleared ones, with how
 * its webhook deliveries stand.
 */
export async function listAlertHistory(
  db: Database,
  limit = 50,
): Promise<(Alert & { deliveries: AlertDelivery[] })[]> {
  const events = await listAlertEvents(db, { limit });
  const states = await deliveryStates(
    db,
    events.map((e) => e.key),
  );
  return events.map((e) => ({
    ...toAlert(e),
    deliveries: states
      .filter((d) => d.eventKey === e.key)
      .map((d) => ({
        receiver: d.receiver,
        attempts: d.attempts,
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        nextAttemptAt: d.deliveredAt ? null : d.nextAttemptAt.toISOString(),
        lastError: d.lastError,
      })),
  }));
}

/**
 * The banner's alerts, shared by every request (see cache/define-view.ts). Events can be
 * recorded or cleared without an indexed block, so the view also follows the clock.
 */
export const alertsView = defineView({
  name: 'alerts',
  version: (_: undefined, v) => `${v.chains()}@${v.clock(1_000)}`,
  compute: (ctx) => buildAlerts(ctx.db),
});
