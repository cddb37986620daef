import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { createNodeClient } from '@ratify/aleo';
import { createDbClient, DEFAULT_SCHEMA, onEveryBatch } from '@ratify/db';
import { migrateDatabase } from '@ratify/db/migrate';
import { markOrigin } from '@ratify/db/ownership';
import { type AlertSettings, raiseIndexPaused, startAlerts } from './alerts';
import {
  type Chain,
  createFollower,
  type FollowerStatus,
  type PauseEvent,
} from './follow/follower';
import { type ChainNetworkHealth, chainNetworkHealth, createRateTracker } from './ops/health';
import { eventLog, type Logger, silentLogger } from './ops/log';
import { createIndexerMetrics, type IndexerMetrics, instrumentedFetch } from './ops/metrics';
import { createProgressReporter, type ProgressMode } from './ops/progress';
import { startOpsServer } from './ops/server';

export type IndexerOptions = {
  databaseUrl: string;
  /** PostgreSQL schema of Ratify's tables (default `ratify`). */
  schema?: string;
  alphaNodes: string[];
  deltaNodes: string[];
  host?: string;
  port?: number;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Starting requests per second per node (the client learns the limit); default 9.7. */
  requestsPerSecond?: number;
  leaseSeconds?: number;
  readyLagBlocks?: number;
  logger?: Logger;
  /** Apply pending migrations first, under an advisory lock (`ratify index`). */
  migrate?: boolean;
  /** Marks the schema as a real-node index, which `ratify up` never starts clean. */
  origin?: 'devnet' | 'nodes';
  progress?: ProgressMode;
  /** Called inside the transaction that records a pause. */
  onPause?: (event: PauseEvent, tx: unknown) => Promise<void>;
  /** Webhook receivers and lead time (`parseAlertEnv`); events are recorded either way. */
  alerts?: AlertSettings;
};

export type IndexerHandle = {
  port: number;
  statuses: () => FollowerStatus[];
  health: () => ChainNetworkHealth[];
  metrics: IndexerMetrics;
  stop: () => Promise<void>;
};

/** Starts one follower per configured node and the ops server; `stop` waits for both. */
export async function startIndexer(options: IndexerOptions): Promise<IndexerHandle> {
  const logger = options.logger ?? silentLogger;
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (options.migrate) {
    const result = await migrateDatabase(options.databaseUrl, { schema });
    logger.info(
      { schema, applied: result.applied, alreadyApplied: result.alreadyApplied },
      result.applied.length > 0 ? 'migrations applied' : 'database schema up to date',
    );
  }
  const database = createDbClient(options.databaseUrl, {
    schema,
    applicationName: 'ratify-indexer',
  });
  if (options.origin) await markOrigin(database.sql, options.origin);
  const metrics = createIndexerMetrics();
  const abort = new AbortController();
  // Every request and wait of every follower listens on this one signal (each removes its
  // listener when done); more than Node's default of 10 at once is normal, not a leak.
  setMaxListeners(10_000, abort.signal);
  const process_ = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const nodes: { url: string; chain: Chain }[] = [
    ...options.alphaNodes.map((url) => ({ url, chain: 'alpha' as const })),
    ...options.deltaNodes.map((url) => ({ url, chain: 'delta' as const })),
  ];
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const followers = nodes.map((n) =>
    createFollower({
      ...n,
      database,
      signal: abort.signal,
      logger,
      metrics,
      holder: `${process_}:${n.url}`,
      leaseSeconds: options.leaseSeconds ?? 10,
      pollIntervalMs,
      batchSize: options.batchSize ?? 200,
      // The pause's alert commits with the pause itself.
      onPause: options.onPause ?? ((event, tx) => raiseIndexPaused(tx, event).then(() => {})),
      client: createNodeClient({
        baseUrl: n.url,
        requestsPerSecond: options.requestsPerSecond,
        fetch: instrumentedFetch(metrics, n.url),
      }),
    }),
  );
  const statuses = () => followers.map((f) => f.status);
  const rates = createRateTracker();
  const healthOptions = {
    readyLagBlocks: options.readyLagBlocks ?? 5,
    // Several polls and a request timeout's worth without any answer.
    unreachableMs: Math.max(5_000, pollIntervalMs * 8),
  };
  const health = () => chainNetworkHealth(statuses(), rates.rates(), healthOptions);
  const progress = createProgressReporter(options.progress ?? 'off', logger);
  const alerts = startAlerts({
    database,
    settings: options.alerts ?? { receivers: [], leadSeconds: 3600 },
    log: eventLog(logger.child({ component: 'alerts' })),
    signal: abort.signal,
    // Caught up: no more than the ready lag behind (the stall rule needs recent blocks).
    isCaughtUp: (id) =>
      health().some(
        (h) => h.id === id && h.lag !== undefined && h.lag <= healthOptions.readyLagBlocks,
      ),
  });
  onEveryBatch(database.db, alerts.beforeCommit);

  // Once a second: rates, gauges and progress from the followers' live status.
  const tick = setInterval(() => {
    const now = Date.now();
    for (const h of health()) rates.sample(h.id, h.indexedHeight, now);
    const current = health();
    for (const h of current) {
      const labels = { chain: h.chain, network: String(h.networkId ?? ''), chain_network: h.id };
      if (h.indexedHeight !== undefined) metrics.indexedHeight.set(labels, h.indexedHeight);
      if (h.lag !== undefined) metrics.lag.set(labels, Math.max(0, h.lag));
      metrics.rate.set(labels, h.blocksPerSecond);
      if (h.etaSeconds !== undefined) metrics.eta.set(labels, h.etaSeconds);
      if (h.lastBlockAgeSeconds !== undefined)
        metrics.lastBlockAge.set(labels, h.lastBlockAgeSeconds);
      metrics.ready.set(labels, h.state === 'ok' ? 1 : 0);
    }
    metrics.paused.reset();
    for (const p of current.filter((c) => c.pause)) {
      metrics.paused.set(
        {
          chain: p.chain,
          network: String(p.networkId ?? ''),
          chain_network: p.id,
          reason: p.pause?.reason ?? '',
        },
        1,
      );
    }
    progress.update(current);
  }, 1_000);
  tick.unref();
  // Followers that stand by never write, so they learn the last block's time from the database.
  const stamps = setInterval(() => {
    for (const f of followers) void f.refreshIndexedTimestamp().catch(() => {});
    void refreshAlertGauges().catch(() => {});
  }, 5_000);

  /** Open alerts an operator alerts on by metric too: genesis and audit mismatches. */
  async function refreshAlertGauges() {
    const rows = await database.sql<{ kind: string; chain_network_id: string; n: number }[]>`
      SELECT kind, chain_network_id, count(*)::int AS n FROM alert_events
      WHERE cleared_at IS NULL AND chain_network_id IS NOT NULL
        AND kind IN ('genesis_mismatch', 'audit_mismatch')
      GROUP BY kind, chain_network_id`;
    metrics.genesisMismatch.reset();
    metrics.auditMismatches.reset();
    for (const r of rows) {
      const [chain = '', network = ''] = r.chain_network_id.split(':');
      const labels = { chain, network, chain_network: r.chain_network_id };
      if (r.kind === 'genesis_mismatch') metrics.genesisMismatch.set(labels, 1);
      else metrics.auditMismatches.set(labels, r.n);
    }
  }
  stamps.unref();

  const server = await startOpsServer(
    { statuses, health, metrics },
    { host: options.host ?? '127.0.0.1', port: options.port ?? 3100 },
  );
  const running = followers.map((f) => f.run());
  const port = (server.address() as AddressInfo).port;
  logger.info({ nodes: nodes.map((n) => n.url), ops: port }, 'indexer started');
  return {
    port,
    statuses,
    health,
    metrics,
    stop: async () => {
      abort.abort();
      clearInterval(tick);
      clearInterval(stamps);
      progress.stop();
      await Promise.allSettled([...running, alerts.done]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await database.close();
    },
  };
}
