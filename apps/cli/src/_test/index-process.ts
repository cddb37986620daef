import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

// `ratify index` as its own process, for tests that drive it as an operator would.

const root = join(import.meta.dirname, '..', '..', '..', '..');
export const ratifyBin = join(root, 'apps', 'cli', 'bin', 'ratify.mjs');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export type IndexProcess = {
  child: ChildProcess;
  port: number;
  ops: string;
  output: () => string;
  /** SIGTERM, and wait for the exit. */
  stop: () => Promise<void>;
  /** SIGKILL: no shutdown handler runs, the writer lease is left to expire. */
  kill: () => Promise<void>;
};

export async function spawnIndex(
  databaseUrl: string,
  nodes: { alpha: string[]; delta: string[] },
  env: Record<string, string> = {},
  options: { waitForHealth?: boolean } = {},
): Promise<IndexProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [ratifyBin, 'index', '--alpha', nodes.alpha.join(','), '--delta', nodes.delta.join(',')],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        INDEXER_PORT: String(port),
        LOG_FORMAT: 'json',
        POLL_INTERVAL_MS: '100',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const ops = `http://127.0.0.1:${port}`;
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await gone;
  };
  if (options.waitForHealth !== false) {
    // Generous: on a loaded machine loading TypeScript and migrating take a while.
    await waitFor(
      'the ops server',
      async () => ((await fetch(`${ops}/health`)).ok ? true : undefined),
      90_000,
    );
  }
  return { child, port, ops, output: () => output, stop: end('SIGTERM'), kill: end('SIGKILL') };
}

/** The log's messages (LOG_FORMAT=json), for counting what a process said. */
export function logMessages(output: string): string[] {
  return output
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [String(JSON.parse(l).msg)];
      } catch {
        return [];
      }
    });
}
