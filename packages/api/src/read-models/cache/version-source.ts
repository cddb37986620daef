import { type Database, indexedHeights } from '@ratify/db';
import { createVersionTracker, type Versions, type VersionTracker } from './versions';

/** Where a view store learns the current versions before answering a request. */
export interface VersionSource {
  current(): Promise<Versions>;
}

/**
 * Versions read from the checkpoints table: one cheap query, shared by every request that
 * arrives while it runs. The fallback whenever no LISTEN connection keeps the tracker fresh.
 */
export function checkpointVersions(
  db: Database,
  options: { tracker?: VersionTracker; onMoved?: (chainNetworkIds: string[]) => void } = {},
): VersionSource & { tracker: VersionTracker } {
  const tracker = options.tracker ?? createVersionTracker();
  let inflight: Promise<Versions> | undefined;
  return {
    tracker,
    current() {
      inflight ??= indexedHeights(db)
        .then((rows) => {
          const moved = tracker.resync(rows);
          if (moved.length > 0) options.onMoved?.(moved);
          return tracker.versions;
        })
        .finally(() => {
          inflight = undefined;
        });
      return inflight;
    },
  };
}
