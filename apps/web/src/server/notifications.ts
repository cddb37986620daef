import { NOTIFY_CHANNEL } from '@ratify/db';
import { frontHook } from '../front/hook';
import { getDb } from './db';
import { serverEnv } from './env';
import { createListenHub } from './listen-hub';
import { createLiveIndex, type LiveEvent, type LiveIndex } from './live-index';

// One LISTEN connection and one view cache per server process, kept across hot reloads.
const holder = globalThis as unknown as { ratifyLive?: LiveIndex };

export function liveIndex(): LiveIndex {
  if (!holder.ratifyLive) {
    const live = createLiveIndex(
      getDb(),
      createListenHub({
        url: serverEnv().DATABASE_URL,
        channel: NOTIFY_CHANNEL,
        log: (entry) => console.error(JSON.stringify({ level: 'warn', ...entry })),
      }),
    );
    holder.ratifyLive = live;
    // The front server's response cache keys its answers on the same token as the views.
    frontHook().dataToken = async () => (await live.views.versions.current()).chains();
  }
  return holder.ratifyLive;
}

/** Every event stream subscribes here; they all share the one LISTEN connection. */
export function subscribe(listener: (event: LiveEvent) => void): () => void {
  return liveIndex().subscribe(listener);
}

/** The context every read takes: the pool and the shared, NOTIFY-driven view cache. */
export function readContext() {
  return { db: getDb(), views: liveIndex().views };
}
