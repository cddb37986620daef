import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { connectionOptions, DEFAULT_SCHEMA } from './client';

// Kept apart from the client: the dashboard bundles the client and never migrates.
export const migrationsFolder = join(import.meta.dirname, '..', '..', '..', 'drizzle');

const MIGRATIONS_TABLE = '__drizzle_migrations';

type Journal = { entries: { tag: string; when: number }[] };

function journal(): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
}

/**
 * drizzle-kit writes foreign keys as `REFERENCES "public"."t"`. Ratify's tables live in a
 * schema of their own chosen at run time (the connection's search_path), so the schema
 * qualifier is taken out before a statement runs; every other name is unqualified already.
 */
function unqualify(statement: string): string {
  return statement.replaceAll('"public".', '');
}

export type MigrateResult = { schema: string; applied: string[]; alreadyApplied: number };

/**
 * Applies the pending SQL migrations in `drizzle/` to Ratify's schema, creating it if needed.
 * Under a session advisory lock on a connection of its own (short-lived, used for nothing
 * else), so two processes starting together migrate once: the second waits, then finds
 * nothing to do. Never drops anything.
 */
export async function migrateDatabase(
  url: string,
  options: { schema?: string } = {},
): Promise<MigrateResult> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const sql = postgres(url, {
    max: 1,
    ...connectionOptions({ schema, applicationName: 'ratify-migrate' }),
  });
  try {
    await sql`SELECT pg_advisory_lock(hashtext(${`ratify:migrate:${schema}`}))`;
    await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const before = await appliedMigrations(sql, schema);
    const migrations = readMigrationFiles({ migrationsFolder }).map((m) => ({
      ...m,
      sql: m.sql.map(unqualify),
    }));
    const db = drizzle(sql);
    // drizzle's own migrator does exactly this after reading the files; the statements are
    // rewritten in between (see `unqualify`).
    const internal = db as unknown as {
      dialect: { migrate: (m: unknown, s: unknown, c: unknown) => Promise<void> };
      session: unknown;
    };
    await internal.dialect.migrate(migrations, internal.session, {
      migrationsFolder,
      migrationsSchema: schema,
      migrationsTable: MIGRATIONS_TABLE,
    });
    const after = await appliedMigrations(sql, schema);
    const earlier = new Set(before.map((b) => b.createdAt));
    const appliedNow = new Set(after.map((a) => a.createdAt).filter((at) => !earlier.has(at)));
    return {
      schema,
      applied: journal()
        .entries.filter((e) => appliedNow.has(e.when))
        .map((e) => e.tag),
      alreadyApplied: before.length,
    };
  } finally {
    await sql`SELECT pg_advisory_unlock_all()`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
}

async function appliedMigrations(
  sql: postgres.Sql,
  schema: string,
): Promise<{ createdAt: number; hash: string }[]> {
  const [exists] = await sql`SELECT to_regclass(${`"${schema}"."${MIGRATIONS_TABLE}"`}) AS t`;
  if (!exists?.t) return [];
  const rows = await sql.unsafe<{ created_at: string; hash: string }[]>(
    `SELECT created_at, hash FROM "${schema}"."${MIGRATIONS_TABLE}" ORDER BY created_at`,
  );
  return rows.map((r) => ({ createdAt: Number(r.created_at), hash: r.hash }));
}

export type MigrationStatus = {
  schema: string;
  schemaExists: boolean;
  applied: string[];
  pending: string[];
};

/** Which of the migrations this build carries are applied to the schema, and which are not. */
export async function migrationStatus(
  url: string,
  options: { schema?: string } = {},
): Promise<MigrationStatus> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const sql = postgres(url, {
    max: 1,
    ...connectionOptions({ schema, applicationName: 'ratify-status' }),
  });
  try {
    const [found] = await sql`SELECT 1 AS ok FROM pg_namespace WHERE nspname = ${schema}`;
    const done = await appliedMigrations(sql, schema);
    const doneAt = new Set(done.map((d) => d.createdAt));
    const entries = journal().entries;
    return {
      schema,
      schemaExists: found !== undefined,
      applied: entries.filter((e) => doneAt.has(e.when)).map((e) => e.tag),
      pending: entries.filter((e) => !doneAt.has(e.when)).map((e) => e.tag),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
