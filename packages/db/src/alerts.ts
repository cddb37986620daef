import type { AlertKind, AlertSeverity } from '@ratify/governance';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from './client';
import { alertDeliveries, alertEvents, alertReceivers } from './schema';

/** A database or an open transaction: events are raised inside the writer's transaction. */
export type Queryable = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type AlertEvent = {
  kind: AlertKind;
  severity: AlertSeverity;
  /** `null` for events about Ratify itself (a test, a paused index with no network yet). */
  chainNetworkId: string | null;
  height: number | null;
  /** What the event is about within its kind and chain-network: a proposal id, a height… */
  subject: string;
  message: string;
  /** Where the dashboard shows the details. */
  href: string;
  details?: Record<string, unknown>;
};

export type AlertEventRecord = typeof alertEvents.$inferSelect;

/** The idempotency key: the same condition on the same subject is one event, ever. */
export function alertKey(e: Pick<AlertEvent, 'kind' | 'chainNetworkId' | 'subject'>): string {
  return `${e.kind}:${e.chainNetworkId ?? '-'}:${e.subject}`;
}

/**
 * Records events that are not recorded yet and returns the keys that are new. Rows are
 * written in key order, and an event already recorded is left alone (no row lock), so
 * concurrent batch transactions cannot deadlock on each other's keys. With `reactivate`
 * (outside a batch transaction only), a cleared event whose condition holds again becomes
 * active again; it is not sent again.
 */
export async function raiseAlerts(
  db: Queryable,
  events: AlertEvent[],
  options: { reactivate?: boolean } = {},
): Promise<string[]> {
  const byKey = new Map(events.map((e) => [alertKey(e), e]));
  if (byKey.size === 0) return [];
  const rows = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, e]) => ({ key, ...e, details: e.details ?? {} }));
  const insert = db.insert(alertEvents).values(rows);
  const returning = { key: alertEvents.key, inserted: sql<boolean>`(xmax = 0)` };
  const written = options.reactivate
    ? await insert
        .onConflictDoUpdate({
          target: alertEvents.key,
          set: { clearedAt: null },
          setWhere: sql`${alertEvents.clearedAt} IS NOT NULL`,
        })
        // xmax is 0 only on a freshly inserted row version.
        .returning(returning)
    : await insert.onConflictDoNothing().returning(returning);
  return written.filter((r) => r.inserted).map((r) => r.key);
}

/** One event; true when it was not recorded before. */
export async function raiseAlert(db: Queryable, event: AlertEvent): Promise<boolean> {
  return (await raiseAlerts(db, [event])).length === 1;
}

/**
 * Clears the active events of `kinds` whose key is not in `holding`: their condition no
 * longer holds, so the banner stops showing them. Returns the cleared keys.
 */
export async function clearAlertsExcept(
  db: Queryable,
  kinds: readonly AlertKind[],
  holding: readonly string[],
): Promise<string[]> {
  if (kinds.length === 0) return [];
  const rows = await db
    .update(alertEvents)
    .set({ clearedAt: sql`clock_timestamp()` })
    .where(
      and(
        isNull(alertEvents.clearedAt),
        sql`${alertEvents.kind} = ANY(${sql.param([...kinds])}::text[])`,
        sql`NOT (${alertEvents.key} = ANY(${sql.param([...holding])}::text[]))`,
      ),
    )
    .returning({ key: alertEvents.key });
  return rows.map((r) => r.key);
}

/** Events newest first; `active` keeps those whose condition still holds. */
export async function listAlertEvents(
  db: Queryable,
  options: { active?: boolean; limit?: number } = {},
): Promise<AlertEventRecord[]> {
  return db
    .select()
    .from(alertEvents)
    .where(options.active ? isNull(alertEvents.clearedAt) : undefined)
    .orderBy(desc(alertEvents.raisedAt), desc(alertEvents.key))
    .limit(options.limit ?? 100);
}

export type ReceiverRow = { id: string; label: string; kinds: readonly AlertKind[] | null };

/**
 * Makes sure every configured receiver has a delivery row for each event it wants that was
 * raised since it was first configured. The minute of grace covers events whose transaction
 * began just before the receiver was first seen.
 */
export async function enqueueDeliveries(db: Queryable, receivers: ReceiverRow[]): Promise<number> {
  let added = 0;
  for (const r of receivers) {
    await db.insert(alertReceivers).values({ id: r.id, label: r.label }).onConflictDoNothing();
    const wanted =
      r.kinds === null ? sql`TRUE` : sql`e.kind = ANY(${sql.param([...r.kinds])}::text[])`;
    const rows = await db.execute<{ event_key: string }>(sql`
      INSERT INTO alert_deliveries (event_key, receiver_id)
      SELECT e.key, r.id FROM alert_events e JOIN alert_receivers r ON r.id = ${r.id}
      WHERE e.raised_at >= r.first_seen_at - interval '1 minute'
        AND ${wanted}
      ORDER BY e.key
      ON CONFLICT DO NOTHING
      RETURNING event_key`);
    added += rows.length;
  }
  return added;
}

export type DueDelivery = { receiverId: string; attempts: number; event: AlertEventRecord };
export type DeliveryOutcome = { ok: true } | { ok: false; error: string; retryInMs: number };

// Two-key form, so it cannot collide with the writers' one-key advisory locks.
const DELIVERY_LOCK = sql`pg_try_advisory_xact_lock(1381254745, 1)`;

/**
 * One round of the delivery worker, in one transaction: only the process holding the
 * delivery lock sends, the rows it sends stay locked (`FOR UPDATE SKIP LOCKED`) until the
 * outcome is written, and a crash mid-round rolls back to "not delivered", so an event is
 * sent at least once and, short of a crash between the receiver's answer and the commit,
 * exactly once. `'busy'` when another process holds the lock.
 */
export async function deliverDue(
  db: Database,
  options: { receiverIds: readonly string[]; limit: number },
  send: (due: DueDelivery[]) => Promise<DeliveryOutcome[]>,
): Promise<{ sent: number; failed: number } | 'busy'> {
  if (options.receiverIds.length === 0) return { sent: 0, failed: 0 };
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ locked: boolean }>(sql`SELECT ${DELIVERY_LOCK} AS locked`);
    if (!lock?.locked) return 'busy' as const;
    const rows = await tx.execute<{ event_key: string; receiver_id: string; attempts: number }>(sql`
      SELECT event_key, receiver_id, attempts FROM alert_deliveries
      WHERE delivered_at IS NULL AND next_attempt_at <= clock_timestamp()
        AND receiver_id = ANY(${sql.param([...options.receiverIds])}::text[])
      ORDER BY next_attempt_at, event_key
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED`);
    if (rows.length === 0) return { sent: 0, failed: 0 };
    const keys = [...new Set(rows.map((r) => r.event_key))];
    const events = await tx
      .select()
      .from(alertEvents)
      .where(sql`${alertEvents.key} = ANY(${sql.param(keys)}::text[])`);
    const byKey = new Map(events.map((e) => [e.key, e]));
    const due = rows.flatMap((r) => {
      const event = byKey.get(r.event_key);
      return event ? [{ receiverId: r.receiver_id, attempts: r.attempts, event }] : [];
    });
    const outcomes = await send(due);
    let sent = 0;
    for (const [i, d] of due.entries()) {
      const outcome = outcomes[i] ?? { ok: false, error: 'not sent', retryInMs: 0 };
      const where = sql`event_key = ${d.event.key} AND receiver_id = ${d.receiverId}`;
      if (outcome.ok) {
        sent += 1;
        await tx.execute(sql`
          UPDATE alert_deliveries SET attempts = attempts + 1, delivered_at = clock_timestamp(),
            last_error = NULL WHERE ${where}`);
      } else {
        await tx.execute(sql`
          UPDATE alert_deliveries SET attempts = attempts + 1, last_error = ${outcome.error},
            next_attempt_at = clock_timestamp() + ${outcome.retryInMs} * interval '1 millisecond'
          WHERE ${where}`);
      }
    }
    return { sent, failed: due.length - sent };
  });
}

export type DeliveryRecord = typeof alertDeliveries.$inferSelect;

/** Every delivery row, for tests and operators. */
export async function listDeliveries(db: Queryable): Promise<DeliveryRecord[]> {
  return db
    .select()
    .from(alertDeliveries)
    .orderBy(alertDeliveries.createdAt, alertDeliveries.eventKey);
}

/** Clears the active events of one kind on one chain-network (a pause lifted by a rewind). */
export async function clearAlerts(
  db: Queryable,
  where: { kind: AlertKind; chainNetworkId: string },
): Promise<string[]> {
  const rows = await db
    .update(alertEvents)
    .set({ clearedAt: sql`clock_timestamp()` })
    .where(
      and(
        isNull(alertEvents.clearedAt),
        eq(alertEvents.kind, where.kind),
        eq(alertEvents.chainNetworkId, where.chainNetworkId),
      ),
    )
    .returning({ key: alertEvents.key });
  return rows.map((r) => r.key);
}

export type DeliveryState = {
  eventKey: string;
  receiver: string;
  attempts: number;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
};

/** How the events' deliveries stand, per receiver (named by its origin only). */
export async function deliveryStates(
  db: Queryable,
  eventKeys: readonly string[],
): Promise<DeliveryState[]> {
  if (eventKeys.length === 0) return [];
  return db
    .select({
      eventKey: alertDeliveries.eventKey,
      receiver: alertReceivers.label,
      attempts: alertDeliveries.attempts,
      deliveredAt: alertDeliveries.deliveredAt,
      nextAttemptAt: alertDeliveries.nextAttemptAt,
      lastError: alertDeliveries.lastError,
    })
    .from(alertDeliveries)
    .innerJoin(alertReceivers, eq(alertReceivers.id, alertDeliveries.receiverId))
    .where(sql`${alertDeliveries.eventKey} = ANY(${sql.param([...eventKeys])}::text[])`)
    .orderBy(alertDeliveries.eventKey, alertReceivers.label);
}
