import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AlertEvent,
  alertKey,
  clearAlertsExcept,
  deliverDue,
  enqueueDeliveries,
  listAlertEvents,
  listDeliveries,
  raiseAlert,
  raiseAlerts,
} from './alerts';
import { createDbClient, type DbClient } from './client';
import { createTestDatabase } from './testing';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: DbClient;
let other: DbClient;

beforeAll(async () => {
  database = await createTestDatabase();
  client = createDbClient(database.url);
  other = createDbClient(database.url);
});
afterAll(async () => {
  await client.close();
  await other.close();
  await database.drop();
});

const stalled = (height: number): AlertEvent => ({
  kind: 'chain_stalled',
  severity: 'critical',
  chainNetworkId: 'alpha:2:ab1x',
  height,
  subject: String(height),
  message: `alpha has produced no block since ${height}`,
  href: '/chains',
});

describe('alert events', () => {
  it('records a condition once, however often it is raised', async () => {
    expect(await raiseAlert(client.db, stalled(10))).toBe(true);
    expect(await raiseAlert(client.db, stalled(10))).toBe(false);
    expect(await raiseAlerts(client.db, [stalled(10), stalled(10), stalled(11)])).toEqual([
      alertKey(stalled(11)),
    ]);
    expect(alertKey(stalled(10))).toBe('chain_stalled:alpha:2:ab1x:10');
    const active = await listAlertEvents(client.db, { active: true });
    expect(active.map((e) => e.key).sort()).toEqual([
      'chain_stalled:alpha:2:ab1x:10',
      'chain_stalled:alpha:2:ab1x:11',
    ]);
  });

  it('clears what no longer holds and reactivates it without a new event', async () => {
    const cleared = await clearAlertsExcept(client.db, ['chain_stalled'], [alertKey(stalled(11))]);
    expect(cleared).toEqual([alertKey(stalled(10))]);
    expect((await listAlertEvents(client.db, { active: true })).map((e) => e.key)).toEqual([
      alertKey(stalled(11)),
    ]);
    expect(await raiseAlert(client.db, stalled(10))).toBe(false);
    expect(await listAlertEvents(client.db, { active: true })).toHaveLength(1);
    expect(await raiseAlerts(client.db, [stalled(10)], { reactivate: true })).toEqual([]);
    expect(await listAlertEvents(client.db, { active: true })).toHaveLength(2);
  });

  it('raises inside a transaction that rolls back: nothing is recorded', async () => {
    await expect(
      client.db.transaction(async (tx) => {
        await raiseAlert(tx, stalled(12));
        throw new Error('batch failed');
      }),
    ).rejects.toThrow('batch failed');
    const all = await listAlertEvents(client.db);
    expect(all.map((e) => e.key)).not.toContain(alertKey(stalled(12)));
  });
});

describe('deliveries', () => {
  const receiver = { id: 'r1', label: 'http://127.0.0.1', kinds: null };
  const narrow = { id: 'r2', label: 'http://127.0.0.1', kinds: ['genesis_mismatch' as const] };

  it('enqueues each wanted event once per receiver', async () => {
    expect(await enqueueDeliveries(client.db, [receiver, narrow])).toBe(2);
    expect(await enqueueDeliveries(client.db, [receiver, narrow])).toBe(0);
    const rows = await listDeliveries(client.db);
    expect(rows.every((r) => r.receiverId === 'r1')).toBe(true);
  });

  it('only one process sends at a time; the other sees the lock busy', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = deliverDue(client.db, { receiverIds: ['r1'], limit: 10 }, async (due) => {
      await held;
      return due.map(() => ({ ok: true }) as const);
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = await deliverDue(other.db, { receiverIds: ['r1'], limit: 10 }, async (due) =>
      due.map(() => ({ ok: true }) as const),
    );
    expect(second).toBe('busy');
    release();
    expect(await first).toEqual({ sent: 2, failed: 0 });
    expect(await deliverDue(other.db, { receiverIds: ['r1'], limit: 10 }, async () => [])).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it('a failure is retried after its backoff, with the error kept', async () => {
    await raiseAlert(client.db, stalled(20));
    await enqueueDeliveries(client.db, [receiver]);
    const failing = async (due: unknown[]) =>
      due.map(() => ({ ok: false, error: 'HTTP 503', retryInMs: 200 }) as const);
    expect(await deliverDue(client.db, { receiverIds: ['r1'], limit: 10 }, failing)).toEqual({
      sent: 0,
      failed: 1,
    });
    // Not due yet.
    expect(await deliverDue(client.db, { receiverIds: ['r1'], limit: 10 }, failing)).toEqual({
      sent: 0,
      failed: 0,
    });
    const row = (await listDeliveries(client.db)).find((r) => r.eventKey === alertKey(stalled(20)));
    expect(row).toMatchObject({ attempts: 1, lastError: 'HTTP 503', deliveredAt: null });
    await new Promise((r) => setTimeout(r, 250));
    const ok = async (due: unknown[]) => due.map(() => ({ ok: true }) as const);
    expect(await deliverDue(client.db, { receiverIds: ['r1'], limit: 10 }, ok)).toEqual({
      sent: 1,
      failed: 0,
    });
  });

  it('a round that crashes before its outcome is written sends again later', async () => {
    await raiseAlert(client.db, stalled(30));
    await enqueueDeliveries(client.db, [receiver]);
    await expect(
      deliverDue(client.db, { receiverIds: ['r1'], limit: 10 }, async () => {
        throw new Error('process died');
      }),
    ).rejects.toThrow('process died');
    const seen: string[] = [];
    await deliverDue(client.db, { receiverIds: ['r1'], limit: 10 }, async (due) => {
      seen.push(...due.map((d) => d.event.key));
      return due.map(() => ({ ok: true }) as const);
    });
    expect(seen).toEqual([alertKey(stalled(30))]);
  });
});
