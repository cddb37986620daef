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
  tracker: VersionTracker = createVersionTracker(),
): VersionSource & { tracker: VersionTracker } {
  let inflight: Promise<Versions> | undefined;
  return {
    tracker,
    current() {
      inflight ??= indexedHeights(db)
        .then((rows) => {
          tracker.resync(rows);
          return tracker.versions;
        })
        .finally(() => {
          inflight = undefined;
        });
      return inflight;
    },
  };
}
