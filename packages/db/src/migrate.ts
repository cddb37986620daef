import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// Kept apart from the client: the dashboard bundles the client and never migrates.
export const migrationsFolder = join(import.meta.dirname, '..', '..', '..', 'drizzle');

/** Applies the SQL migrations in `drizzle/`; idempotent, safe to call at every start. */
export async function migrateDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
