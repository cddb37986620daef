import { parseAlertEnv } from './alerts';
import { parseIndexerEnv } from './env';
import { startIndexer } from './indexer';

// `tsx apps/indexer/src/main.ts`: the indexer as its own process, configured by env vars.
const env = (() => {
  try {
    return { ...parseIndexerEnv(process.env), alerts: parseAlertEnv(process.env) };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
})();

const indexer = await startIndexer({
  databaseUrl: env.DATABASE_URL,
  alphaNodes: env.ALPHA_NODES,
  deltaNodes: env.DELTA_NODES,
  host: env.INDEXER_HOST,
  port: env.INDEXER_PORT,
  pollIntervalMs: env.POLL_INTERVAL_MS,
  batchSize: env.BATCH_SIZE,
  requestsPerSecond: env.NODE_REQUESTS_PER_SECOND,
  alerts: env.alerts,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void indexer.stop().then(() => process.exit(0));
  });
}
