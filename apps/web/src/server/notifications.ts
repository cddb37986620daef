import { NOTIFY_CHANNEL } from '@ratify/db';
import postgres from 'postgres';
import { serverEnv } from './env';

type Listener = (payload: string) => void;

// One LISTEN connection per server process, shared by every open event stream.
const holder = globalThis as unknown as {
  ratifyListeners?: Set<Listener>;
  ratifyListen?: Promise<unknown>;
};

export function subscribe(listener: Listener): () => void {
  holder.ratifyListeners ??= new Set();
  holder.ratifyListeners.add(listener);
  holder.ratifyListen ??= postgres(serverEnv().DATABASE_URL, { max: 1, onnotice: () => {} }).listen(
    NOTIFY_CHANNEL,
    (payload) => {
      for (const l of holder.ratifyListeners ?? []) l(payload);
    },
  );
  return () => holder.ratifyListeners?.delete(listener);
}
