import { buildAlerts, listAlertHistory } from '@ratify/api/read-models';
import {
  type AlertEvent,
  clearAlerts,
  createDbClient,
  type DbClient,
  listDeliveries,
  raiseAlert,
} from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, verifySignature } from './_test/receiver';
import { parseAlertEnv } from './config';
import { backoffMs, startAlertDelivery } from './delivery';
import { raiseIndexPaused } from './index-paused';
import { alertPayload, signBody } from './payload';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const clients: DbClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await database.drop();
});

function client(): DbClient {
  const c = createDbClient(database.url);
  clients.push(c);
  return c;
}

const testEvent = (subject: string): AlertEvent => ({
  kind: 'test',
  severity: 'info',
  chainNetworkId: null,
  height: null,
  subject,
  message: `test ${subject}`,
  href: '/',
});

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('backoff', () => {
  it('doubles from the base up to the cap, within ±20 %', () => {
    const policy = { baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0.5))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffMs(1, policy, () => 0)).toBe(800);
    expect(backoffMs(1, policy, () => 1)).toBe(1200);
  });
});

describe('delivery worker', () => {
  it('a receiver that fails three times then succeeds gets the event once', async () => {
    const receiver = await startReceiver();
    receiver.failFirst(3);
    const c = client();
    const abort = new AbortController();
    const { receivers } = parseAlertEnv({ ALERT_WEBHOOKS: receiver.url });
    const attemptsAt: number[] = [];
    const worker = startAlertDelivery({
      database: c,
      receivers,
      log: (e) => {
        if (e.msg === 'alert delivered' || e.msg === 'alert delivery failed')
          attemptsAt.push(Date.now());
      },
      signal: abort.signal,
      intervalMs: 20,
      retry: { baseMs: 100, maxMs: 1000 },
    });
    await raiseAlert(c.db, testEvent('flaky'));
    await until('delivered', () => receiver.received.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    abort.abort();
    await worker.done;
    expect(receiver.received).toHaveLength(1);
    expect(receiver.attempts.get('test:-:flaky')).toBe(4);
    expect(worker.counts).toEqual({ sent: 1, failed: 3 });
    const [row] = (await listDeliveries(c.db)).filter((d) => d.eventKey === 'test:-:flaky');
    expect(row).toMatchObject({ attempts: 4, lastError: null });
    expect(row?.deliveredAt).not.toBeNull();
    // `/api/v1/alerts` shows operators the same: the receiver by its origin, the attempts.
    const [shown] = (await listAlertHistory(c.db)).filter((e) => e.key === 'test:-:flaky');
    expect(shown?.deliveries).toEqual([
      {
        receiver: new URL(receiver.url).origin,
        attempts: 4,
        deliveredAt: expect.any(String),
        nextAttemptAt: null,
        lastError: null,
      },
    ]);
    // Waits of about 100, 200 and 400 ms (±20 %) between the four attempts.
    const gaps = attemptsAt.slice(1).map((t, i) => t - (attemptsAt[i] as number));
    expect(gaps[0]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(300);
    expect((gaps[2] as number) > (gaps[0] as number)).toBe(true);
    await receiver.stop();
  });

  it('two workers on two connections never both send an event', async () => {
    const receiver = await startReceiver();
    const { receivers } = parseAlertEnv({ ALERT_WEBHOOKS: `${receiver.url}?two` });
    const abort = new AbortController();
    const workers = [client(), client()].map((database) =>
      startAlertDelivery({
        database,
        receivers,
        log: () => {},
        signal: abort.signal,
        intervalMs: 5,
      }),
    );
    const c = client();
    for (let i = 0; i < 40; i++) await raiseAlert(c.db, testEvent(`two-${i}`));
    await until(
      'all 40 delivered',
      () => receiver.keys().filter((k) => k.includes('two-')).length >= 40,
    );
    await new Promise((r) => setTimeout(r, 200));
    abort.abort();
    await Promise.all(workers.map((w) => w.done));
    // A receiver first seen now is also sent the last minute's events (earlier tests').
    const keys = receiver.keys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith('test:-:two-'))).toHaveLength(40);
    await receiver.stop();
  });

  it('stopping mid-way and starting again delivers nothing twice', async () => {
    const receiver = await startReceiver();
    const { receivers } = parseAlertEnv({ ALERT_WEBHOOKS: `${receiver.url}?restart` });
    const c = client();
    for (let i = 0; i < 30; i++) await raiseAlert(c.db, testEvent(`restart-${i}`));
    const first = new AbortController();
    const one = startAlertDelivery({
      database: client(),
      receivers,
      log: () => {},
      signal: first.signal,
      intervalMs: 5,
    });
    const mine = () => receiver.keys().filter((k) => k.includes('restart-'));
    await until('some delivered', () => mine().length >= 5);
    first.abort();
    await one.done;
    const before = mine().length;
    const second = new AbortController();
    const two = startAlertDelivery({
      database: client(),
      receivers,
      log: () => {},
      signal: second.signal,
      intervalMs: 5,
    });
    await until('the rest delivered', () => mine().length >= 30);
    await new Promise((r) => setTimeout(r, 200));
    second.abort();
    await two.done;
    expect(before).toBeLessThan(30);
    expect(mine()).toHaveLength(30);
    expect(new Set(receiver.keys()).size).toBe(receiver.keys().length);
    await receiver.stop();
  });

  it('a receiver narrowed to some kinds gets only those', async () => {
    const receiver = await startReceiver();
    const { receivers } = parseAlertEnv({
      ALERT_WEBHOOKS: `${receiver.url}?narrow#kinds=chain_stalled,genesis_mismatch`,
    });
    const c = client();
    const abort = new AbortController();
    const worker = startAlertDelivery({
      database: c,
      receivers,
      log: () => {},
      signal: abort.signal,
      intervalMs: 10,
    });
    await raiseAlert(c.db, testEvent('narrow'));
    await raiseAlert(c.db, {
      ...testEvent('narrow'),
      kind: 'chain_stalled',
      severity: 'critical',
      chainNetworkId: 'alpha:2:ab1x',
      height: 9,
      subject: '9',
    });
    await until('the stall delivered', () => receiver.received.length === 1);
    await new Promise((r) => setTimeout(r, 150));
    abort.abort();
    await worker.done;
    expect(receiver.kinds()).toEqual(new Set(['chain_stalled']));
    await receiver.stop();
  });
});

describe('index paused', () => {
  it('commits with the pause, reaches the receiver once, and leaves the banner when cleared', async () => {
    const receiver = await startReceiver();
    const { receivers } = parseAlertEnv({ ALERT_WEBHOOKS: `${receiver.url}#kinds=index_paused` });
    const c = client();
    const pause = {
      chainNetworkId: 'alpha:2:ab1paused',
      reason: 'discontinuity',
      height: 120,
      detail: 'block 121 does not follow block 120',
      node: 'http://127.0.0.1:9/canary',
    };
    await expect(
      c.db.transaction(async (tx) => {
        await raiseIndexPaused(tx, pause);
        throw new Error('pause not recorded');
      }),
    ).rejects.toThrow('pause not recorded');
    expect((await buildAlerts(c.db)).map((a) => a.code)).not.toContain('index_paused');
    await c.db.transaction(async (tx) => {
      expect(await raiseIndexPaused(tx, pause)).toBe(true);
      expect(await raiseIndexPaused(tx, pause)).toBe(false);
    });
    const [banner] = (await buildAlerts(c.db)).filter((a) => a.code === 'index_paused');
    expect(banner).toMatchObject({
      severity: 'critical',
      key: 'index_paused:alpha:2:ab1paused:120:discontinuity',
      message:
        'Indexing of alpha network 2 is paused at height 120 (discontinuity): block 121 does not follow block 120',
    });
    const abort = new AbortController();
    const worker = startAlertDelivery({
      database: c,
      receivers,
      log: () => {},
      signal: abort.signal,
      intervalMs: 10,
    });
    await until('delivered', () => receiver.received.length === 1);
    expect(receiver.received[0]?.body.event.key).toBe(banner?.key);
    await clearAlerts(c.db, { kind: 'index_paused', chainNetworkId: pause.chainNetworkId });
    expect((await buildAlerts(c.db)).map((a) => a.code)).not.toContain('index_paused');
    await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    await worker.done;
    expect(receiver.received).toHaveLength(1);
    await receiver.stop();
  });
});

describe('signature', () => {
  it('is HMAC-SHA256 of the raw body; a changed byte fails', () => {
    // Pinned against `printf '{"a":1}' | openssl dgst -sha256 -hmac secret`.
    expect(signBody('{"a":1}', 'secret')).toBe(
      'sha256=aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494',
    );
    const body = JSON.stringify(
      alertPayload(
        {
          key: 'test:-:x',
          kind: 'test',
          severity: 'info',
          chainNetworkId: null,
          height: null,
          subject: 'x',
          message: 'm',
          href: '/',
          details: {},
          raisedAt: new Date(0),
          clearedAt: null,
        },
        1_700_000_000,
      ),
    );
    const signature = signBody(body, 'secret');
    expect(verifySignature(body, signature, 'secret')).toBe(true);
    expect(verifySignature(body.replace('"m"', '"n"'), signature, 'secret')).toBe(false);
    expect(verifySignature(body, signature, 'other')).toBe(false);
  });
});
