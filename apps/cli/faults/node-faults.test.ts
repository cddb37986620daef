import { spawnSync } from 'node:child_process';
import { createDbClient } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import type { Devnet } from '@ratify/devnet';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type IndexProcess, ratifyBin, spawnIndex, waitFor } from '../src/_test/index-process';
import { recordFigure } from './_test/figures';
import {
  allUrls,
  type CleanIndex,
  checkpointHeights,
  cleanRun,
  devnetAdmin,
  expectSameAsClean,
  heads,
  indexedTo,
  metricSum,
  type Nodes,
  SHORT,
  sleep,
  sourceNodes,
  startFaultDevnet,
} from './_test/harness';

// Every fault a devnet node can show, one at a time, on its own database: the indexer keeps
// going (or pauses, for a height that goes down), /metrics shows what happened, and the
// rows it stores are exactly the clean run's.

const SUITE = 'node faults';
const HISTORY = SHORT ? 300 : 1_000;

describe('devnet node faults', { timeout: 300_000 }, () => {
  let devnet: Devnet;
  let nodes: Nodes;
  let clean: CleanIndex;
  let want: number[];
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let proc: IndexProcess | undefined;
  let missingSets = 0;

  beforeAll(async () => {
    devnet = await startFaultDevnet(4730, HISTORY);
    nodes = sourceNodes(devnet);
    want = await heads(nodes);
    clean = await cleanRun(nodes);
  });
  afterEach(async () => {
    for (const u of allUrls(nodes)) await devnetAdmin(u, 'faults/clear');
    await proc?.kill();
    await db?.drop();
    proc = undefined;
    db = undefined;
  });
  afterAll(async () => {
    recordFigure(SUITE, 'validator sets missing (all modes)', missingSets);
    await devnet?.stop();
  });

  /**
   * Indexes the whole history with one fault on the Alpha node and another on the Delta node
   * (faults are per node, and so are the metrics' labels); the process keeps running.
   */
  async function indexUnder(
    alphaPatch: Record<string, unknown>,
    deltaPatch: Record<string, unknown>,
  ) {
    await devnetAdmin(alphaNode(), 'faults', alphaPatch);
    await devnetAdmin(deltaNode(), 'faults', deltaPatch);
    db = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const started = Date.now();
    proc = await spawnIndex(db.url, nodes);
    await indexedTo(db.url, want, 180_000);
    return { ops: proc.ops, url: db.url, seconds: (Date.now() - started) / 1000 };
  }
  const alphaNode = () => nodes.alpha[0] ?? '';
  const deltaNode = () => nodes.delta[0] ?? '';

  /** The rows compared; a validator set lost at the head is counted (see expectSameAsClean). */
  async function sameAsClean(url: string) {
    const compared = await expectSameAsClean(url, clean);
    missingSets += compared.missingValidatorSets;
    return compared.rows;
  }

  const requests = (ops: string, node: string, status?: string) =>
    metricSum(ops, 'ratify_node_request_duration_seconds_count', {
      node,
      ...(status ? { status } : {}),
    });

  it('rate limits, modern (429) on one node and legacy (HTTP 200 text) on the other, are counted', async () => {
    const r = await indexUnder(
      { rateLimit: { mode: 'modern', perSecond: 5 } },
      { rateLimit: { mode: 'legacy', perSecond: 5 } },
    );
    const modern = await metricSum(r.ops, 'ratify_rate_limited_total', { node: alphaNode() });
    const legacy = await metricSum(r.ops, 'ratify_rate_limited_total', { node: deltaNode() });
    recordFigure(SUITE, 'rate limits 5/s: seconds to head', r.seconds);
    recordFigure(SUITE, 'rate limit modern: ratify_rate_limited_total', modern);
    recordFigure(SUITE, 'rate limit legacy: ratify_rate_limited_total', legacy);
    expect(modern).toBeGreaterThan(0);
    expect(legacy).toBeGreaterThan(0);
    recordFigure(SUITE, 'rate limits: rows compared', await sameAsClean(r.url));
  });

  it('added latency shows in the request durations; a share of 500s is counted by status', async () => {
    const r = await indexUnder({ latencyMs: 150 }, { errorRate: 0.3 });
    const count = await requests(r.ops, alphaNode());
    const seconds = await metricSum(r.ops, 'ratify_node_request_duration_seconds_sum', {
      node: alphaNode(),
    });
    const errors = await requests(r.ops, deltaNode(), '500');
    recordFigure(SUITE, 'latency 150 ms + 30% 500s: seconds to head', r.seconds);
    recordFigure(SUITE, 'latency 150 ms: mean request (s)', seconds / count);
    recordFigure(SUITE, '30% 500s: requests with status 500', errors);
    recordFigure(SUITE, '30% 500s: requests (all)', await requests(r.ops, deltaNode()));
    expect(seconds / count).toBeGreaterThanOrEqual(0.15);
    expect(errors).toBeGreaterThan(0);
    recordFigure(SUITE, 'latency + 500s: rows compared', await sameAsClean(r.url));
  });

  it('truncated and malformed JSON are retried, and nothing wrong is stored', async () => {
    const r = await indexUnder({ truncateRate: 0.3 }, { malformedRate: 0.3 });
    recordFigure(SUITE, '30% truncated + 30% malformed: seconds to head', r.seconds);
    for (const [name, node] of [
      ['truncated', alphaNode()],
      ['malformed', deltaNode()],
    ] as const) {
      recordFigure(SUITE, `30% ${name}: requests (all)`, await requests(r.ops, node));
      recordFigure(
        SUITE,
        `30% ${name}: requests with status "error"`,
        await requests(r.ops, node, 'error'),
      );
      recordFigure(
        SUITE,
        `30% ${name}: ratify_follow_retries_total`,
        await metricSum(r.ops, 'ratify_follow_retries_total', { node }),
      );
    }
    // A cut body fails the fetch ("error"); a broken one arrives as a 200 and is counted as one.
    expect(await requests(r.ops, alphaNode(), 'error')).toBeGreaterThan(0);
    recordFigure(SUITE, 'truncated + malformed: rows compared', await sameAsClean(r.url));
  });

  it('a node gone and back: retried, then resumed', async () => {
    for (const u of allUrls(nodes)) await devnetAdmin(u, 'faults', {});
    db = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const url = db.url;
    proc = await spawnIndex(url, nodes, { BATCH_SIZE: '25', NODE_REQUESTS_PER_SECOND: '30' });
    await waitFor('a first checkpoint', async () =>
      (await checkpointHeights(url)).length === 2 ? true : undefined,
    );
    const goneAt = Date.now();
    for (const u of allUrls(nodes)) await devnetAdmin(u, 'down', { ms: 4_000 });
    const ops = proc.ops;
    await waitFor(
      '/ready 503',
      async () => ((await fetch(`${ops}/ready`)).status === 503 ? true : undefined),
      15_000,
    );
    await sleep(Math.max(0, 4_000 - (Date.now() - goneAt)));
    const backAt = Date.now();
    const atBack = (await checkpointHeights(url)).reduce((a, b) => a + b, 0);
    await waitFor('progress after the node is back', async () =>
      (await checkpointHeights(url)).reduce((a, b) => a + b, 0) > atBack ? true : undefined,
    );
    recordFigure(SUITE, 'node down 4 s: resumed after return (s)', (Date.now() - backAt) / 1000);
    await indexedTo(url, want, 120_000);
    const retries = await metricSum(ops, 'ratify_follow_retries_total');
    recordFigure(SUITE, 'node down 4 s: ratify_follow_retries_total', retries);
    recordFigure(
      SUITE,
      'node down 4 s: requests with status "error"',
      await requests(ops, 'error'),
    );
    expect(retries).toBeGreaterThan(0);
    recordFigure(SUITE, 'node down 4 s: rows compared', await sameAsClean(url));
  });

  it('the height going down pauses the chain-network; rewind resumes it', async () => {
    const [alpha] = nodes.alpha as [string];
    for (const u of allUrls(nodes)) await devnetAdmin(u, 'faults', {});
    db = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const url = db.url;
    proc = await spawnIndex(url, nodes, { BATCH_SIZE: '25', NODE_REQUESTS_PER_SECOND: '30' });
    const ops = proc.ops;
    const client = createDbClient(url, { max: 1 });
    try {
      await waitFor('a first checkpoint', async () =>
        (await checkpointHeights(url)).length === 2 ? true : undefined,
      );
      await devnetAdmin(alpha, 'reset', { blocks: 40 });
      const pause = await waitFor('the pause', async () => {
        const [row] = await client.sql<{ id: string; reason: string; height: number }[]>`
          SELECT chain_network_id AS id, reason, height FROM index_pauses`;
        return row;
      });
      expect(pause.id.startsWith('alpha:')).toBe(true);
      expect(pause.reason).toBe('height_went_down');
      // The follower sees the pause on its next step: /ready follows within a poll or two.
      const notReady = await waitFor('/ready 503 naming the pause', async () => {
        const res = await fetch(`${ops}/ready`);
        const body = (await res.json()) as { notReady?: { chainNetwork: string; state: string }[] };
        const entry = body.notReady?.find((n) => n.chainNetwork === pause.id);
        return res.status === 503 && entry?.state === 'paused' ? entry : undefined;
      });
      expect(notReady.chainNetwork).toBe(pause.id);
      const gauge = await waitFor('the paused gauge', () =>
        metricSum(ops, 'ratify_chain_network_paused', { chain_network: pause.id }).then((v) =>
          v === 1 ? v : undefined,
        ),
      );
      expect(gauge).toBe(1);
      const [top] = await client.sql<{ height: number }[]>`
        SELECT height FROM checkpoints WHERE chain_network_id = ${pause.id}`;
      // Paused means paused: the node's height is restored, the checkpoint stays put.
      await devnetAdmin(alpha, 'reset', { blocks: 0 });
      await sleep(1_500);
      const [still] = await client.sql<{ height: number }[]>`
        SELECT height FROM checkpoints WHERE chain_network_id = ${pause.id}`;
      expect(still?.height).toBe(top?.height);
      recordFigure(SUITE, 'height down 40: paused at height', pause.height);
      recordFigure(SUITE, 'height down 40: checkpoint while paused', Number(top?.height));
      const rewind = spawnSync(
        process.execPath,
        [
          ratifyBin,
          'index',
          'rewind',
          '--chain',
          'alpha',
          '--network',
          '2',
          '--to',
          String(top?.height),
          '--yes',
        ],
        { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 60_000 },
      );
      expect(rewind.stderr).toBe('');
      expect(rewind.stdout).toContain('pause cleared');
      await indexedTo(url, want, 120_000);
      await waitFor('/ready 200', async () =>
        (await fetch(`${ops}/ready`)).ok ? true : undefined,
      );
      recordFigure(SUITE, 'height down 40: rows compared', await sameAsClean(url));
    } finally {
      await client.close();
    }
  });

  it('a node that starts serving another genesis is refused, and nothing is stored from it', async () => {
    db = await createTestDatabase(inject('databaseUrl'), { migrate: false });
    const url = db.url;
    proc = await spawnIndex(url, nodes);
    const ops = proc.ops;
    await indexedTo(url, want, 120_000);
    // Another chain behind the same URL: another genesis, and a height that went down.
    await devnetAdmin(alphaNode(), 'faults', { otherGenesis: true });
    await devnetAdmin(alphaNode(), 'reset', { blocks: 5 });
    const changedAt = Date.now();
    const refused = await waitFor('the node to be refused', async () => {
      const body = (await (await fetch(`${ops}/status`)).json()) as {
        nodes: { url: string; state: string; lastError?: string }[];
      };
      const node = body.nodes.find((n) => n.url === alphaNode());
      return node?.state === 'refused' ? node : undefined;
    });
    recordFigure(SUITE, 'other genesis: refused after (s)', (Date.now() - changedAt) / 1000);
    expect(refused.lastError).toContain('refused for this chain-network');
    const gauge = await waitFor('the refused gauge', () =>
      metricSum(ops, 'ratify_node_genesis_refused', { node: alphaNode() }).then((v) =>
        v === 1 ? v : undefined,
      ),
    );
    expect(gauge).toBe(1);
    expect((await fetch(`${ops}/ready`)).status).toBe(503);
    const client = createDbClient(url, { max: 1 });
    try {
      const pauses = await client.sql`SELECT 1 FROM index_pauses`;
      const networks = await client.sql`SELECT id FROM chain_networks`;
      // Refused, not paused: the index of the real chain is left as it was.
      expect(pauses).toHaveLength(0);
      expect(networks).toHaveLength(2);
    } finally {
      await client.close();
    }
    recordFigure(SUITE, 'other genesis: rows compared', await sameAsClean(url));
  });
});
