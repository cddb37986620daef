import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
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
  await migrateDatabase(url.toString());
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
