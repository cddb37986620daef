import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowerStatus } from '../follow/status';
import { type ChainNetworkHealth, chainNetworkHealth, createRateTracker, isReady } from './health';
import { createIndexerMetrics } from './metrics';
import { startOpsServer } from './server';

const NOW = 1_800_000_000_000;
const options = { readyLagBlocks: 5, unreachableMs: 5_000 };
const alpha: FollowerStatus = {
  url: 'http://127.0.0.1:3030/canary',
  chain: 'alpha',
  state: 'following',
  chainNetworkId: 'alpha:2:ab1',
  networkId: 2,
  headHeight: 120,
  indexedHeight: 119,
  blocksIndexed: 120,
  lastOkAt: NOW - 100,
};
const delta: FollowerStatus = {
  ...alpha,
  url: 'http://127.0.0.1:3031/canary',
  chain: 'delta',
  chainNetworkId: 'delta:2:ab2',
  indexedHeight: 40,
};
const health = (statuses: FollowerStatus[], rates = new Map<string, number>()) =>
  chainNetworkHealth(statuses, rates, options, NOW);

describe('chain-network health', () => {
  it('is ready only when every chain-network seen is reachable, unpaused and caught up', () => {
    expect(isReady(health([alpha]))).toBe(true);
    expect(health([alpha, delta]).map((h) => [h.id, h.state, h.reason])).toEqual([
      ['alpha:2:ab1', 'ok', undefined],
      ['delta:2:ab2', 'lagging', '80 blocks behind the node'],
    ]);
    expect(isReady(health([alpha, delta]))).toBe(false);
    expect(isReady([])).toBe(false);
  });

  it('counts a chain-network unreachable when none of its nodes answered recently', () => {
    const gone = { ...alpha, state: 'retrying' as const, lastOkAt: NOW - 6_000 };
    expect(health([gone])[0]).toMatchObject({
      state: 'unreachable',
      reason: 'no node answered for 6 s',
    });
    // A second node of the same chain-network that answers keeps it reachable.
    const other = { ...alpha, url: 'http://127.0.0.1:3040/canary', state: 'standby' as const };
    expect(health([gone, other])[0]?.state).toBe('ok');
  });

  it('names a pause, and ignores nodes that never answered', () => {
    const paused = {
      ...alpha,
      state: 'paused' as const,
      pause: { reason: 'discontinuity', height: 90, detail: 'x' },
    };
    expect(health([paused])[0]).toMatchObject({
      state: 'paused',
      reason: 'paused at 90: discontinuity',
    });
    const waiting: FollowerStatus = {
      url: 'http://127.0.0.1:3032/x',
      chain: 'alpha',
      state: 'waiting',
      blocksIndexed: 0,
    };
    expect(health([alpha, waiting]).map((h) => h.id)).toEqual(['alpha:2:ab1']);
  });

  it('gives rate and ETA from the indexed-height samples', () => {
    const rates = createRateTracker(10_000);
    rates.sample('delta:2:ab2', 0, NOW - 4_000);
    rates.sample('delta:2:ab2', 40, NOW);
    const [, d] = health([alpha, delta], rates.rates());
    expect(d?.blocksPerSecond).toBe(10);
    expect(d?.etaSeconds).toBe(8);
  });
});

describe('ops server over HTTP', () => {
  let current: ChainNetworkHealth[] = health([alpha]);
  const metrics = createIndexerMetrics();
  let base = '';
  let close = () => {};
  beforeAll(async () => {
    const server = await startOpsServer(
      { statuses: () => [alpha, delta], health: () => current, metrics },
      { host: '127.0.0.1', port: 0 },
    );
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('answers /health, /ready (503 naming what is not ready), /status, /metrics and 404', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    current = health([alpha, delta]);
    const notReady = await fetch(`${base}/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      ready: false,
      notReady: [
        { chainNetwork: 'delta:2:ab2', state: 'lagging', reason: '80 blocks behind the node' },
      ],
    });
    const status = (await (await fetch(`${base}/status`)).json()) as { nodes: FollowerStatus[] };
    expect(status.nodes.map((n) => n.indexedHeight)).toEqual([119, 40]);
    metrics.indexedHeight.set({ chain: 'alpha', network: '2', chain_network: 'alpha:2:ab1' }, 119);
    const families = parsePrometheusTextFormat(await (await fetch(`${base}/metrics`)).text());
    const names = families.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['ratify_indexed_height', 'process_resident_memory_bytes']),
    );
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
