import type { AddressInfo } from 'node:net';
import { createNodeClient } from '@ratify/aleo';
import { createDbClient, onEveryBatch } from '@ratify/db';
import { type AlertSettings, startAlerts } from './alerts';
import { type Chain, createFollower, type FollowerStatus, type LogEvent } from './follow/follower';
import { startOpsServer } from './ops/server';

export type IndexerOptions = {
  databaseUrl: string;
  alphaNodes: string[];
  deltaNodes: string[];
  host?: string;
  port?: number;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Starting requests per second per node (the client learns the limit); default 9.7. */
  requestsPerSecond?: number;
  log?: (event: LogEvent) => void;
  /** Webhook receivers and lead time (`parseAlertEnv`); events are recorded either way. */
  alerts?: AlertSettings;
};

export type IndexerHandle = {
  port: number;
  statuses: () => FollowerStatus[];
  stop: () => Promise<void>;
};

/** Starts one follower per configured node and the ops server; `stop` waits for both. */
export async function startIndexer(options: IndexerOptions): Promise<IndexerHandle> {
  const log = options.log ?? ((e: LogEvent) => console.log(JSON.stringify(e)));
  const database = createDbClient(options.databaseUrl);
  const abort = new AbortController();
  const nodes: { url: string; chain: Chain }[] = [
    ...options.alphaNodes.map((url) => ({ url, chain: 'alpha' as const })),
    ...options.deltaNodes.map((url) => ({ url, chain: 'delta' as const })),
  ];
  const followers = nodes.map((n) =>
    createFollower({
      ...n,
      database,
      signal: abort.signal,
      log,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      batchSize: options.batchSize ?? 200,
      client: createNodeClient({
        baseUrl: n.url,
        requestsPerSecond: options.requestsPerSecond,
      }),
    }),
  );
  const statuses = () => followers.map((f) => f.status);
  const alerts = startAlerts({
    database,
    settings: options.alerts ?? { receivers: [], leadSeconds: 3600 },
    log,
    signal: abort.signal,
    // Caught up: within two blocks of the node's head (the stall rule needs recent blocks).
    isCaughtUp: (id) =>
      statuses().some(
        (s) => s.chainNetworkId === id && (s.headHeight ?? 0) - (s.indexedHeight ?? -3) <= 2,
      ),
  });
  onEveryBatch(database.db, alerts.beforeCommit);
  const server = await startOpsServer(statuses, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 3100,
  });
  const running = followers.map((f) => f.run());
  log({ level: 'info', msg: 'indexer started', nodes: nodes.map((n) => n.url) });
  return {
    port: (server.address() as AddressInfo).port,
    statuses,
    stop: async () => {
      abort.abort();
      await Promise.allSettled([...running, alerts.done]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await database.close();
    },
  };
}
