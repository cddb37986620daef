import { createNodeClient } from '@ratify/aleo';
import { createDbClient, type DbClient } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '../_test/wait-for';
import { silentLogger } from '../ops/log';
import { createIndexerMetrics } from '../ops/metrics';
import { createFollower, type FollowerOptions } from './follower';

const PORT_BASE = 4860;
const HISTORY = 600;
const BATCH = 25;

type Sent = { route: string; start?: number; at: number };
/** Decides a request's answer before the node does: undefined passes it on. */
type Hook = (sent: Sent) => Promise<Response | undefined> | Response | undefined;

describe('follower head reads', () => {
  let devnet: Devnet;
  let url: string;
  let head: number;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let client: DbClient | undefined;
  let stop: (() => Promise<void>) | undefined;

  const admin = async (route: string, body: unknown = {}) => {
    const res = await fetch(`${new URL(url).origin}/devnet/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`devnet ${route}: HTTP ${res.status}`);
  };

  beforeAll(async () => {
    devnet = await startDevnet({
      scenario: 'demo',
      portBase: PORT_BASE,
      blockTimeMs: 0,
      admin: true,
      history: HISTORY,
    });
    url = devnet.nodes.find((n) => n.chain === 'alpha' && n.side === 'source')?.url ?? '';
    head = await createNodeClient({ baseUrl: url }).latestHeight();
  });
  afterEach(async () => {
    await stop?.();
    stop = undefined;
    await admin('faults/clear');
    await client?.close();
    await database?.drop();
    client = undefined;
    database = undefined;
  });
  afterAll(async () => {
    await devnet?.stop();
  });

  /** A follower of the Alpha node on a fresh database; every request it sends is recorded. */
  async function follow({ hook, ...options }: Partial<FollowerOptions> & { hook?: Hook } = {}) {
    database = await createTestDatabase(inject('databaseUrl'));
    const db = createDbClient(database.url);
    client = createDbClient(database.url, { max: 1 });
    const sent: Sent[] = [];
    const abort = new AbortController();
    const prefix = new URL(url).pathname;
    const counted: typeof fetch = async (input, init) => {
      const u = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const start = u.searchParams.get('start');
      const request: Sent = {
        route: u.pathname.slice(prefix.length),
        ...(start === null ? {} : { start: Number(start) }),
        at: Date.now(),
      };
      sent.push(request);
      return (await hook?.(request)) ?? fetch(input, init);
    };
    const metrics = createIndexerMetrics();
    const follower = createFollower({
      url,
      chain: 'alpha',
      database: db,
      pollIntervalMs: 50,
      batchSize: BATCH,
      signal: abort.signal,
      logger: silentLogger,
      metrics,
      holder: 'test',
      leaseSeconds: 10,
      client: createNodeClient({
        baseUrl: url,
        requestsPerSecond: Number.POSITIVE_INFINITY,
        fetch: counted,
      }),
      ...options,
    });
    const running = follower.run();
    stop = async () => {
      abort.abort();
      await running;
      await db.close();
    };
    const headReads = () => sent.filter((s) => s.route === '/block/height/latest');
    const checkpoint = async () => {
      const [row] = await (client as DbClient).sql<{ height: number }[]>`
        SELECT height FROM checkpoints`;
      return row === undefined ? undefined : Number(row.height);
    };
    const pause = async () => {
      const [row] = await (client as DbClient).sql<{ reason: string; height: number }[]>`
        SELECT reason, height FROM index_pauses`;
      return row;
    };
    return { follower, sent, headReads, checkpoint, pause };
  }

  it('reads the head once per refresh while far behind it, not once per batch', async () => {
    const f = await follow({ headRefreshMs: 60_000 });
    await waitFor('the head indexed', async () =>
      (await f.checkpoint()) === head ? true : undefined,
    );
    const ranges = f.sent.filter((s) => s.route === '/blocks');
    const [stored] = await (client as DbClient).sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM blocks`;
    expect(stored?.n).toBe(head + 1);
    expect(ranges.length).toBeGreaterThanOrEqual(Math.ceil((head + 1) / BATCH));
    // The first step, then the batch that reaches the head (and idle polls after it).
    const beforeHead = f.headReads().filter((s) => s.at < (ranges.at(-1)?.at ?? 0));
    expect(beforeHead.length).toBeLessThanOrEqual(2);
  });

  it('still reads the head once per refresh period during a long backfill', async () => {
    const refreshMs = 500;
    const f = await follow({
      headRefreshMs: refreshMs,
      hook: async (s) => {
        if (s.route === '/blocks') await new Promise((r) => setTimeout(r, 60));
        return undefined;
      },
    });
    await waitFor('the head indexed', async () =>
      (await f.checkpoint()) === head ? true : undefined,
    );
    const ranges = f.sent.filter((s) => s.route === '/blocks');
    const reads = f.headReads().filter((s) => s.at <= (ranges.at(-1)?.at ?? 0));
    const gaps = reads.slice(1).map((r, i) => r.at - (reads[i] as Sent).at);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    // Never more often than the refresh, and not much later than it (a step's time).
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(refreshMs - 5);
      expect(gap).toBeLessThan(refreshMs + 1_000);
    }
    expect(reads.length).toBeLessThan(ranges.length / 2);
  });

  it('a node whose height goes down below the writer: the refused range makes it read the head and pause at once', async () => {
    const lowered = 60;
    let resetAt = 0;
    const f = await follow({
      headRefreshMs: 60_000,
      hook: async (s) => {
        if (s.route === '/blocks' && (s.start ?? 0) >= 75 && resetAt === 0) {
          resetAt = Date.now();
          await admin('reset', { blocks: head - lowered });
        }
        return undefined;
      },
    });
    const pause = await waitFor('the pause', f.pause);
    expect(pause).toEqual({ reason: 'height_went_down', height: lowered });
    // No back-off for the 404: the head is read straight after it.
    expect(Date.now() - resetAt).toBeLessThan(5_000);
    const reread = f.headReads().filter((s) => s.at >= resetAt);
    expect(reread.length).toBeGreaterThanOrEqual(1);
    await waitFor('the paused state', async () =>
      f.follower.status.state === 'paused' ? true : undefined,
    );
  });

  it('a node whose height goes down but stays above the writer is noticed within the refresh', async () => {
    const lowered = head - 100;
    let resetAt = 0;
    const f = await follow({
      headRefreshMs: 300,
      hook: async (s) => {
        if (s.route !== '/blocks') return undefined;
        if (resetAt === 0 && (s.start ?? 0) >= 50) {
          resetAt = Date.now();
          await admin('reset', { blocks: head - lowered });
        }
        await new Promise((r) => setTimeout(r, 40));
        return undefined;
      },
    });
    const pause = await waitFor('the pause', f.pause);
    expect(pause).toEqual({ reason: 'height_went_down', height: lowered });
    expect(Date.now() - resetAt).toBeLessThan(3_000);
    expect(await f.checkpoint()).toBeLessThan(lowered - BATCH);
  });

  it('a range the node keeps answering wrongly, its head unchanged, is a failure: one head re-read, no loop', async () => {
    let refusedAt = 0;
    const f = await follow({
      headRefreshMs: 60_000,
      hook: (s) => {
        if (s.route !== '/blocks' || (s.start ?? 0) < 100) return undefined;
        refusedAt ||= s.at;
        return new Response('[]', { headers: { 'content-type': 'application/json' } });
      },
    });
    await waitFor('the failing state', async () =>
      f.follower.status.state === 'failing' ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(f.follower.status.state).toBe('failing');
    expect(f.follower.status.lastError).toContain('expected heights 100..124');
    expect(await f.pause()).toBeUndefined();
    expect(await f.checkpoint()).toBe(99);
    // The refusal is followed by one head read, then the slow retry (30 s): nothing more.
    expect(f.headReads().filter((s) => s.at >= refusedAt)).toHaveLength(1);
    expect(f.sent.filter((s) => s.at >= refusedAt && s.route === '/blocks').length).toBeLessThan(5);
  });

  it('a block that does not link, planned on an older head: the head is read first, then it pauses', async () => {
    let rewritten = 0;
    const f = await follow({
      headRefreshMs: 60_000,
      hook: async (s) => {
        if (s.route !== '/blocks' || s.start !== 100) return undefined;
        rewritten++;
        const u = new URL(`${url}/blocks?start=100&end=125`);
        const text = await (await fetch(u)).text();
        const genesis = await createNodeClient({ baseUrl: url }).genesisHash();
        // The first block names another previous block: the stored chain does not continue.
        const broken = text.replace(/("previous_hash": )"ab1[0-9a-z]+"/, `$1"${genesis}"`);
        return new Response(broken, { headers: { 'content-type': 'application/json' } });
      },
    });
    const pause = await waitFor('the pause', f.pause);
    expect(pause).toEqual({ reason: 'discontinuity', height: 100 });
    const first = f.sent.find((s) => s.start === 100)?.at ?? 0;
    // Seen once on the known head, once more after reading the head again.
    expect(rewritten).toBe(2);
    expect(f.headReads().filter((s) => s.at >= first).length).toBeGreaterThanOrEqual(1);
  });
});
