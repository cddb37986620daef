import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { connectionOptions, DEFAULT_SCHEMA } from './client';
import { migrateDatabase } from './migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the global setup chose: DATABASE_URL or an embedded one. */
    databaseUrl: string;
  }
}

/**
 * Creates a fresh, migrated database on the test server for one test file, so files run in
 * parallel without sharing rows. The server is the one the global setup provides.
 */
export async function createTestDatabase(
  serverUrl: string = inject('databaseUrl'),
  options: { migrate?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ratify_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (options.migrate !== false) await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await again.end({ timeout: 5 });
      }
    },
  };
}

/** Columns that hold wall-clock times: they differ between two runs that index the same chain. */
const WALL_CLOCK = new Set([
  'first_seen_at',
  'updated_at',
  'paused_at',
  'acquired_at',
  'expires_at',
  'created_at',
  'last_ok_at',
]);
/**
 * Tables about processes, nodes and time rather than the chain: alerts depend on the wall
 * clock (a stall, a vote closing within the hour), so two runs legitimately differ there.
 */
const RUN_STATE = new Set([
  'nodes',
  'writer_leases',
  'instance',
  '__drizzle_migrations',
  'alert_events',
  'alert_deliveries',
  'alert_receivers',
]);

/**
 * A checksum per table of everything Ratify indexed (minus wall-clock columns and tables of
 * run state), so two databases can be compared: an interrupted run against a clean one.
 */
export async function tableChecksums(
  url: string,
  schema: string = DEFAULT_SCHEMA,
): Promise<Record<string, { rows: number; md5: string }>> {
  const sql = postgres(url, {
    max: 1,
    ...connectionOptions({ schema, applicationName: 'ratify-checksum' }),
  });
  try {
    const columns = await sql<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = ${schema} ORDER BY table_name, ordinal_position`;
    const tables = new Map<string, string[]>();
    for (const c of columns) {
      if (RUN_STATE.has(c.table_name) || WALL_CLOCK.has(c.column_name)) continue;
      tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
    }
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const [table, cols] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
      const list = cols.map((c) => `"${c}"`).join(', ');
      const [row] = await sql.unsafe(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '') AS md5
         FROM (SELECT (${list})::text AS r FROM "${schema}"."${table}") s`,
      );
      out[table] = { rows: Number(row?.rows ?? 0), md5: String(row?.md5 ?? '') };
    }
    return out;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
