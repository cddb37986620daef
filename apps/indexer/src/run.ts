import { AlertConfigError, type AlertSettings, parseAlertEnv } from './alerts';
import { ConfigError, type IndexerEnv, parseIndexerEnv } from './env';
import { startIndexer } from './indexer';
import { createLogger } from './ops/log';
import { createShutdown } from './ops/shutdown';

/**
 * `ratify index`: the indexer as its own process. Applies pending migrations under an
 * advisory lock, then follows the configured nodes until SIGINT/SIGTERM. It never drops or
 * rewrites data by itself. A bad setting is one line on stderr and exit code 2.
 */
export async function runIndexCommand(
  env: NodeJS.ProcessEnv,
  overrides: Partial<Record<keyof IndexerEnv, string>>,
): Promise<void> {
  let config: IndexerEnv;
  let alerts: AlertSettings;
  try {
    config = parseIndexerEnv({ ...env, ...stripUndefined(overrides) });
    alerts = parseAlertEnv(env);
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof AlertConfigError)) throw error;
    process.stderr.write(`ratify index: ${error.message}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const shutdown = createShutdown(logger);
  try {
    const indexer = await startIndexer({
      databaseUrl: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      alphaNodes: config.ALPHA_NODES,
      deltaNodes: config.DELTA_NODES,
      host: config.INDEXER_HOST,
      port: config.INDEXER_PORT,
      pollIntervalMs: config.POLL_INTERVAL_MS,
      batchSize: config.BATCH_SIZE,
      requestsPerSecond: config.NODE_REQUESTS_PER_SECOND,
      leaseSeconds: config.WRITER_LEASE_SECONDS,
      readyLagBlocks: config.READY_LAG_BLOCKS,
      logger,
      migrate: true,
      origin: 'nodes',
      alerts,
      progress: process.stderr.isTTY && config.LOG_FORMAT !== 'json' ? 'bar' : 'log',
    });
    shutdown.add('indexer', indexer.stop);
  } catch (error) {
    logger.fatal(
      { err: error },
      `could not start: ${error instanceof Error ? error.message : error}`,
    );
    await shutdown.exit(1, 'start failed');
  }
}

function stripUndefined<T extends Record<string, string | undefined>>(
  o: T,
): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}
