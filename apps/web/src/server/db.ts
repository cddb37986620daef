import { createDbClient, type DbClient } from '@ratify/db';
import { serverEnv } from './env';

// One pool per server process, kept across hot reloads in development.
const holder = globalThis as unknown as { ratifyDb?: DbClient };

export function getDb() {
  holder.ratifyDb ??= createDbClient(serverEnv().DATABASE_URL);
  return holder.ratifyDb.db;
}
