import {
  checkpointVersions,
  createViewStore,
  type VersionSource,
  type ViewStore,
} from '@ratify/api/read-models';
import { type Database, type IndexedNotification, parseIndexedPayload } from '@ratify/db';
import type { ListenHub } from './listen-hub';

export type LiveEvent =
  | { type: 'indexed'; change: IndexedNotification }
  | { type: 'status'; live: boolean };

export type LiveIndex = {
  /** The read-model cache every request of this process shares. */
  views: ViewStore;
  live(): boolean;
  subscribe(listener: (event: LiveEvent) => void): () => void;
};

/**
 * What the indexer's commits mean to this web server: each NOTIFY moves the version tokens
 * the cached views are keyed on and is passed on to the event streams. While the LISTEN
 * connection is down, versions come from the checkpoints table instead (a cheap query per
 * burst of requests), so pages stay correct, only not pushed; when it is back, the
 * checkpoints are read once more and every chain-network that moved meanwhile is announced.
 */
export function createLiveIndex(db: Database, hub: ListenHub): LiveIndex {
  const listeners = new Set<(event: LiveEvent) => void>();
  const emit = (event: LiveEvent) => {
    for (const l of listeners) l(event);
  };
  // A chain-network found moved in the checkpoints may have changed anywhere.
  const checkpoints = checkpointVersions(db, {
    onMoved: (ids) => {
      for (const c of ids)
        emit({ type: 'indexed', change: { c, h: tracker.height(c) ?? -1, p: 'many' } });
    },
  });
  const { tracker } = checkpoints;

  hub.subscribe({
    onPayload: (text) => {
      const change = parseIndexedPayload(text);
      if (!change) return;
      tracker.apply(change);
      emit({ type: 'indexed', change });
    },
    onStatus: (status) => {
      if (status !== 'live') {
        emit({ type: 'status', live: false });
        return;
      }
      // Catch up with commits made while nobody listened before saying "live" again.
      void checkpoints
        .current()
        .catch(() => undefined)
        .finally(() => emit({ type: 'status', live: true }));
    },
  });
  // A hub that was already listening reports no change of status: catch up now.
  if (hub.status() === 'live') void checkpoints.current().catch(() => undefined);
  const source: VersionSource = {
    current: () =>
      hub.status() === 'live' ? Promise.resolve(tracker.versions) : checkpoints.current(),
  };
  return {
    views: createViewStore(source),
    live: () => hub.status() === 'live',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
