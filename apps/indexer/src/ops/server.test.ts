import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowerStatus } from '../follow/follower';
import { isReady, renderMetrics, startOpsServer } from './server';

const caughtUp: FollowerStatus = {
  url: 'http://127.0.0.1:3030/canary',
  chain: 'alpha',
  state: 'following',
  networkId: 2,
  headHeight: 120,
  indexedHeight: 119,
  blocksIndexed: 120,
};
const behind: FollowerStatus = {
  ...caughtUp,
  url: 'http://127.0.0.1:3031/canary',
  chain: 'delta',
  indexedHeight: 40,
};

describe('readiness and metrics', () => {
  it('is ready only when every follower is within two blocks of its node', () => {
    expect(isReady([caughtUp])).toBe(true);
    expect(isReady([caughtUp, behind])).toBe(false);
    expect(
      isReady([
        { ...caughtUp, state: 'starting', headHeight: undefined, indexedHeight: undefined },
      ]),
    ).toBe(false);
  });

  it('renders one series per node', () => {
    const text = renderMetrics([caughtUp, behind]);
    expect(text).toContain(
      'ratify_index_lag_blocks{chain="delta",node="http://127.0.0.1:3031/canary",network="2"} 80',
    );
    expect(text).toContain('# TYPE ratify_blocks_indexed_total counter');
  });
});

describe('ops server over HTTP', () => {
  let statuses: FollowerStatus[] = [caughtUp];
  let base = '';
  let close = () => {};
  beforeAll(async () => {
    const server = await startOpsServer(() => statuses, { host: '127.0.0.1', port: 0 });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('answers /health, /ready, /status, /metrics and 404', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    statuses = [caughtUp, behind];
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    const status = (await (await fetch(`${base}/status`)).json()) as { nodes: FollowerStatus[] };
    expect(status.nodes.map((n) => n.indexedHeight)).toEqual([119, 40]);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('ratify_indexed_height');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
