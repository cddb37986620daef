import { buildAlerts } from '@ratify/api/read-models';
import { createDbClient, type DbClient, listDeliveries, rewindTo } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import type { AlertKind } from '@ratify/governance';
import { afterEach, describe, expect, it } from 'vitest';
import { type IndexerHandle, startIndexer } from '../indexer';
import { startReceiver, verifySignature } from './_test/receiver';
import { currentConditions } from './conditions';
import { parseAlertEnv } from './config';

const db = () => {
  if (!client) throw new Error('no database');
  return client.db;
};

// Each devnet scenario, followed by the real indexer with a real webhook receiver: every
// event kind the scenario raises arrives, and no event arrives twice.
const SECRET = 'shared-secret';
let devnet: Devnet | undefined;
let indexer: IndexerHandle | undefined;
let client: DbClient | undefined;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

afterEach(async () => {
  await indexer?.stop();
  await devnet?.stop();
  await client?.close();
  await database?.drop();
  await receiver?.stop();
  indexer = devnet = client = database = receiver = undefined;
});

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startIndexerFor(
  url: string,
  r: Awaited<ReturnType<typeof startReceiver>>,
): Promise<IndexerHandle> {
  const urls = (chain: string) =>
    (devnet?.nodes ?? []).filter((n) => n.chain === chain).map((n) => n.url);
  const settings = parseAlertEnv({ ALERT_WEBHOOKS: r.url, ALERT_WEBHOOK_SECRET: SECRET });
  return startIndexer({
    databaseUrl: url,
    alphaNodes: urls('alpha'),
    deltaNodes: urls('delta'),
    port: 0,
    pollIntervalMs: 50,
    requestsPerSecond: 1000,
    alerts: {
      ...settings,
      timing: {
        evaluateIntervalMs: 100,
        deliveryIntervalMs: 50,
        retry: { baseMs: 50, maxMs: 500 },
      },
    },
  });
}

async function play(
  scenario: string,
  portBase: number,
  expected: AlertKind[],
  options: {
    blocks?: number;
    genesisTimestamp?: number;
    restartAfter?: number;
    receiver?: Awaited<ReturnType<typeof startReceiver>>;
  } = {},
) {
  let restartedWith: number | undefined;
  database = await createTestDatabase();
  client = createDbClient(database.url);
  receiver = options.receiver ?? (await startReceiver());
  devnet = await startDevnet({
    scenario,
    portBase,
    blockTimeMs: 0,
    admin: true,
    genesisTimestamp: options.genesisTimestamp,
  });
  indexer = await startIndexerFor(database.url, receiver);
  const started = Date.now();
  const blocks = options.blocks ?? 60;
  for (let i = 0; i < blocks; i += 10) {
    await devnet.advance(Math.min(10, blocks - i));
    if (options.restartAfter === i + 10) {
      // A new indexer process takes over mid-way, while sends are in flight.
      const first = receiver;
      await until('a first delivery', () => first.received.length > 0);
      await indexer.stop();
      restartedWith = receiver.received.length;
      indexer = await startIndexerFor(database.url, receiver);
    }
  }
  const r = receiver;
  await until(`${expected.join(', ')} delivered`, () => expected.every((k) => r.kinds().has(k)));
  const firstArrivals = Object.fromEntries(
    expected.map((k) => [k, (r.received.find((x) => x.body.event.kind === k)?.at ?? 0) - started]),
  );
  // Everything recorded is delivered, once.
  const db = client.db;
  await until('every delivery marked', async () =>
    (await listDeliveries(db)).every((d) => d.deliveredAt !== null),
  );
  const keys = r.keys();
  expect(new Set(keys).size).toBe(keys.length);
  for (const x of r.received) {
    expect(verifySignature(x.raw, x.headers['x-ratify-signature'] as string, SECRET)).toBe(true);
    expect(x.headers['x-ratify-timestamp']).toBe(String(x.body.sentAt));
  }
  return { received: r.received, firstArrivals, restartedWith };
}

describe('devnet scenarios reach a webhook receiver', { timeout: 90_000 }, () => {
  it('demo: the proposal in voting and the past rejected one', async () => {
    const { received } = await play('demo', 4410, [
      'proposal_created',
      'proposal_rejected',
      'voting_ends_soon',
    ]);
    const created = received.find((r) => r.body.event.kind === 'proposal_created');
    expect(created?.body.text).toMatch(
      /^🔵 Ratify info proposal_created \(alpha network \d, height \d+\): Proposal /,
    );
    expect(created?.body.content).toBe(created?.body.text);
    // The lead time decides "soon": the same index, judged with one second or a day of lead.
    const now = Math.floor(Date.now() / 1000);
    const judged = async (leadSeconds: number) =>
      (await currentConditions(db(), { now, timeBased: true, leadSeconds }))
        .map((e) => e.kind)
        .filter((k) => k === 'voting_ends_soon');
    expect(await judged(1)).toEqual([]);
    expect(await judged(86_400)).toEqual(['voting_ends_soon']);
    // Counters read a moment before the latest vote are not reported as a disagreement.
    expect(received.map((r) => r.body.event.kind)).not.toContain('audit_mismatch');
  });

  it('rehearsal-4of5: approved, then the new Alpha and the new Delta start', async () => {
    await play('rehearsal-4of5', 4420, [
      'proposal_created',
      'proposal_approved',
      'alpha_started',
      'delta_started',
    ]);
  });

  it('rehearsal-4of5 with the indexer restarted mid-way: nothing arrives twice', async () => {
    const slowReceiver = await startReceiver();
    slowReceiver.slow(150);
    receiver = slowReceiver;
    const { restartedWith, received } = await play(
      'rehearsal-4of5',
      4490,
      ['proposal_created', 'proposal_approved', 'alpha_started', 'delta_started'],
      { restartAfter: 20, receiver: slowReceiver },
    );
    expect(restartedWith).toBeGreaterThan(0);
    expect(received.length).toBeGreaterThan(restartedWith ?? 0);
  });

  it('a block that does not link pauses the index: one alert, on the banner until rewind', async () => {
    const { received } = await play('rehearsal-4of5', 4500, ['proposal_created'], { blocks: 10 });
    const sql = client?.sql;
    if (!sql) throw new Error('no database');
    const [top] = await sql<{ id: string; height: number }[]>`
      SELECT chain_network_id AS id, height FROM checkpoints WHERE chain_network_id LIKE 'alpha:%'`;
    const id = top?.id ?? '';
    const height = Number(top?.height);
    // The stored chain no longer matches the node's: the next block will not link to it.
    await sql`UPDATE blocks SET hash = 'ab1storedhashthatthenodeneverserved' WHERE chain_network_id = ${id} AND height = ${height}`;
    await sql`UPDATE checkpoints SET block_hash = 'ab1storedhashthatthenodeneverserved' WHERE chain_network_id = ${id}`;
    await devnet?.advance(3);
    await until('the pause delivered', () =>
      received.some((r) => r.body.event.kind === 'index_paused'),
    );
    const paused = received.filter((r) => r.body.event.kind === 'index_paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]?.body.event).toMatchObject({
      chainNetworkId: id,
      height: height + 1,
      severity: 'critical',
    });
    expect((await buildAlerts(db())).map((a) => a.code)).toContain('index_paused');
    const result = await rewindTo(db(), id, height - 1);
    expect(result.unpaused).toBe(true);
    expect((await buildAlerts(db())).map((a) => a.code)).not.toContain('index_paused');
  });

  it('genesis-mismatch: the wrong genesis hash', async () => {
    const { received } = await play('genesis-mismatch', 4430, ['genesis_mismatch']);
    const e = received.find((r) => r.body.event.kind === 'genesis_mismatch')?.body.event;
    expect(e?.severity).toBe('critical');
    expect(e?.details).toHaveProperty('expected');
  });

  it('rogue-delta: a Delta naming the wrong Alpha', async () => {
    await play('rogue-delta', 4440, ['delta_rogue']);
  });

  it('stall: the source Alpha stops while Delta goes on', async () => {
    // Manual blocks are dated 2 s apart from the genesis: dated so that Delta's 13th block is
    // about now, Alpha's last one (height 7, before its 6-block stall) is 14 s old.
    const { received } = await play('stall', 4450, ['chain_stalled'], {
      blocks: 13,
      genesisTimestamp: Math.floor(Date.now() / 1000) - 28,
    });
    const first = received.find((r) => r.body.event.kind === 'chain_stalled');
    expect(first?.body.event).toMatchObject({ height: 7, severity: 'critical' });
    expect(first?.body.event.chainNetworkId).toMatch(/^alpha:/);
    const before = received.filter((r) => r.at <= (first?.at ?? 0));
    // A chain-network still catching up is not judged on the age of its old blocks.
    const stalls = async (isCaughtUp: () => boolean) =>
      (
        await currentConditions(db(), {
          now: Math.floor(Date.now() / 1000),
          timeBased: true,
          leadSeconds: 3600,
          isCaughtUp,
        })
      ).filter((e) => e.kind === 'chain_stalled');
    expect(await stalls(() => false)).toEqual([]);
    expect((await stalls(() => true)).length).toBeGreaterThan(0);
    expect(before.filter((r) => r.body.event.chainNetworkId?.startsWith('delta:'))).toEqual([]);
  });

  it('counter-drift: the audit finds counters that disagree', async () => {
    await play('counter-drift', 4460, ['audit_mismatch']);
  });

  it('yes-voter-stays and double-authoring: validators against their vote, on both sides', async () => {
    await play('yes-voter-stays', 4470, ['validator_defecting']);
    await indexer?.stop();
    await devnet?.stop();
    await client?.close();
    await database?.drop();
    await receiver?.stop();
    indexer = devnet = client = database = receiver = undefined;
    await play('double-authoring', 4480, ['validator_double_authoring']);
  });
});
