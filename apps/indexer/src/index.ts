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
export { type IndexerEnv, parseIndexerEnv } from './env';
export type { FollowerStatus, LogEvent } from './follow/follower';
export { type IndexerHandle, type IndexerOptions, startIndexer } from './indexer';
