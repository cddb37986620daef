import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { z } from 'zod';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

export type DbClient = {
  db: Database;
  sql: postgres.Sql;
  /** The PostgreSQL schema that holds Ratify's tables. */
  schema: string;
  close: () => Promise<void>;
};

/** Ratify's tables live in a schema of their own, so they never mix with a user's tables. */
export const DEFAULT_SCHEMA = 'ratify';

/** A plain lowercase identifier: it is used unquoted in `search_path` and in DDL. */
export const schemaNameSchema = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]{0,62}$/,
    'a schema name is lowercase letters, digits and underscores, starting with a letter or underscore',
  )
  .refine((s) => !s.startsWith('pg_'), 'schema names starting with pg_ are reserved')
  .refine((s) => s !== 'public', 'Ratify keeps its tables out of the public schema');

export type DbClientOptions = {
  max?: number;
  schema?: string;
  /** Shown in `pg_stat_activity`, so operators (and tests) can tell the processes apart. */
  applicationName?: string;
};

/**
 * Connection options shared by every connection Ratify opens. Tables are unqualified in
 * every query; the connection's `search_path` puts them in Ratify's schema. Sent in the
 * startup packet, so it holds on every pooled and every reconnected connection.
 */
export function connectionOptions(options: DbClientOptions = {}) {
  const name = schemaNameSchema.parse(options.schema ?? DEFAULT_SCHEMA);
  return {
    onnotice: () => {},
    connection: {
      search_path: name,
      application_name: options.applicationName ?? 'ratify',
    },
  } as const;
}

/** One postgres.js pool per process; the same code serves the embedded and any other server. */
export function createDbClient(url: string, options: DbClientOptions = {}): DbClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    ...connectionOptions(options),
    // bigint columns come back as strings unless asked; drizzle maps them per column.
    types: { bigint: postgres.BigInt },
  });
  const db = drizzle(sql, { schema });
  return {
    db,
    sql,
    schema: options.schema ?? DEFAULT_SCHEMA,
    close: () => sql.end({ timeout: 5 }),
  };
}
