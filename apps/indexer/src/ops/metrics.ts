import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every figure the indexer exposes on /metrics. One registry per indexer (not the global
 * one), so several indexers in one process (tests) keep their figures apart.
 */
export function createIndexerMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const cn = ['chain', 'network', 'chain_network'] as const;
  const m = {
    registry,
    nodeHead: new Gauge({
      name: 'ratify_node_head_height',
      help: 'Latest height the node reported.',
      labelNames: ['chain', 'network', 'node'] as const,
      registers: [registry],
    }),
    nodeUp: new Gauge({
      name: 'ratify_node_up',
      help: '1 when the last request to the node succeeded.',
      labelNames: ['chain', 'node'] as const,
      registers: [registry],
    }),
    indexedHeight: new Gauge({
      name: 'ratify_indexed_height',
      help: 'Highest height written to the database.',
      labelNames: cn,
      registers: [registry],
    }),
    lag: new Gauge({
      name: 'ratify_index_lag_blocks',
      help: 'Blocks the index is behind the best node of its chain-network.',
      labelNames: cn,
      registers: [registry],
    }),
    rate: new Gauge({
      name: 'ratify_index_blocks_per_second',
      help: 'Blocks indexed per second over the last 10 s.',
      labelNames: cn,
      registers: [registry],
    }),
    eta: new Gauge({
      name: 'ratify_index_eta_seconds',
      help: 'Estimated seconds until the index reaches the head at the current rate.',
      labelNames: cn,
      registers: [registry],
    }),
    lastBlockAge: new Gauge({
      name: 'ratify_chain_last_block_age_seconds',
      help: "Seconds since the timestamp of the chain-network's latest indexed block.",
      labelNames: cn,
      registers: [registry],
    }),
    paused: new Gauge({
      name: 'ratify_chain_network_paused',
      help: '1 while indexing of the chain-network is paused (see reason).',
      labelNames: [...cn, 'reason'] as const,
      registers: [registry],
    }),
    ready: new Gauge({
      name: 'ratify_chain_network_ready',
      help: '1 when the chain-network is reachable, not paused and caught up.',
      labelNames: cn,
      registers: [registry],
    }),
    genesisRefused: new Gauge({
      name: 'ratify_node_genesis_refused',
      help: '1 while a node serves another genesis than the chain-network it was following.',
      labelNames: ['chain', 'node'] as const,
      registers: [registry],
    }),
    blocksIndexed: new Counter({
      name: 'ratify_blocks_indexed_total',
      help: 'Blocks written to the database since start.',
      labelNames: cn,
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'ratify_node_request_duration_seconds',
      help: 'Duration of requests to nodes, by node, route and status.',
      labelNames: ['node', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'ratify_rate_limited_total',
      help: 'Answers from nodes that said the request rate was too high.',
      labelNames: ['node'] as const,
      registers: [registry],
    }),
    retries: new Counter({
      name: 'ratify_follow_retries_total',
      help: 'Follow steps that failed and were retried, by kind of error.',
      labelNames: ['chain', 'node', 'kind'] as const,
      registers: [registry],
    }),
    dbTransaction: new Histogram({
      name: 'ratify_db_transaction_duration_seconds',
      help: 'Duration of the indexer’s write transactions.',
      labelNames: ['operation'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    commitLatency: new Histogram({
      name: 'ratify_block_commit_latency_seconds',
      help: 'At the head: from the block being seen on the node to its commit in the database.',
      labelNames: ['chain'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5],
      registers: [registry],
    }),
    discontinuities: new Counter({
      name: 'ratify_discontinuities_total',
      help: 'Batches that did not link to the stored chain, or heights that went down.',
      labelNames: [...cn, 'reason'] as const,
      registers: [registry],
    }),
    genesisMismatch: new Gauge({
      name: 'ratify_genesis_mismatch',
      help: "1 while a chain-network's genesis hash is not the one its approved proposal expects.",
      labelNames: cn,
      registers: [registry],
    }),
    auditMismatches: new Gauge({
      name: 'ratify_audit_mismatches',
      help: 'Proposals whose on-chain counters disagree with the recomputed tally.',
      labelNames: cn,
      registers: [registry],
    }),
  };
  return m;
}

export type IndexerMetrics = ReturnType<typeof createIndexerMetrics>;

/** Route labels without ids or heights, so the number of series stays bounded. */
export function routeLabel(path: string): string {
  const route = path
    .replace(/\/mapping\/([^/]+)\/([^/]+)\/.+$/, '/mapping/$1/$2/:key')
    .replace(/\/\d+(?=\/|$)/g, '/:n')
    .replace(/\/(at|ax|dx|au)[a-z0-9]{20,}(?=\/|$)/g, '/:id');
  return route === '' ? '/' : route;
}

/**
 * A fetch for one node that records every request in the metrics (node, route, status,
 * duration, rate limits); it changes nothing else.
 */
export function instrumentedFetch(
  metrics: IndexerMetrics,
  nodeBaseUrl: string,
  base: typeof fetch = fetch,
): typeof fetch {
  const prefix = new URL(nodeBaseUrl).pathname.replace(/\/+$/, '');
  const node = nodeBaseUrl;
  return async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const route = routeLabel(path);
    const started = performance.now();
    try {
      const res = await base(input, init);
      const seconds = (performance.now() - started) / 1000;
      metrics.requestDuration.observe({ node, route, status: String(res.status) }, seconds);
      if (res.status === 429) metrics.rateLimited.inc({ node });
      else if (res.status === 200 && !(res.headers.get('content-type') ?? '').includes('json')) {
        // Older nodes say "Too Many Requests!" with a 200 and a text body.
        const text = await res.clone().text();
        if (text.startsWith('Too Many Requests')) metrics.rateLimited.inc({ node });
      }
      return res;
    } catch (error) {
      const seconds = (performance.now() - started) / 1000;
      metrics.requestDuration.observe({ node, route, status: 'error' }, seconds);
      throw error;
    }
  };
}
