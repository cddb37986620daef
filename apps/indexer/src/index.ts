export {
  AlertConfigError,
  type AlertSettings,
  type IndexPause,
  parseAlertEnv,
  type Receiver,
  raiseIndexPaused,
  sendAlert,
  startAlertDelivery,
} from './alerts';
export {
  ConfigError,
  type IndexerEnv,
  indexerEnvSchema,
  nodeUrlList,
  parseIndexerEnv,
} from './env';
export type { FollowerState, FollowerStatus, LogEvent, PauseEvent } from './follow/follower';
export { type IndexerHandle, type IndexerOptions, startIndexer } from './indexer';
export type { ChainNetworkHealth } from './ops/health';
export {
  createLogger,
  eventLog,
  type LogFormat,
  type Logger,
  type LogLevel,
  silentLogger,
} from './ops/log';
export type { ProgressMode } from './ops/progress';
export { createShutdown, type Shutdown } from './ops/shutdown';
export { runIndexCommand } from './run';
