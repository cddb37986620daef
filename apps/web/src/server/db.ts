import { createDbClient, type DbClient } from '@ratify/db';
import { serverEnv } from './env';

// One pool per server process, kept across hot reloads in development.
const holder = globalThis as unknown as { ratifyDb?: DbClient };

export function getDb() {
  const env = serverEnv();
  holder.ratifyDb ??= createDbClient(env.DATABASE_URL, {
    schema: env.DATABASE_SCHEMA,
    applicationName: 'ratify-web',
  });
  return holder.ratifyDb.db;
}
