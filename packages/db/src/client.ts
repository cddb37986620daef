import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

export type DbClient = {
  db: Database;
  sql: postgres.Sql;
  close: () => Promise<void>;
};

/** One postgres.js pool per process; the same code serves the embedded and any other server. */
export function createDbClient(url: string, options: { max?: number } = {}): DbClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // bigint columns come back as strings unless asked; drizzle maps them per column.
    types: { bigint: postgres.BigInt },
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
