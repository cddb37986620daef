import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase } from '@ratify/db/testing';
import { listenCommits } from './index-chain';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A process's peak resident set (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmHWM for process ${pid}`);
  return Number(m[1]) / 1024;
}

export type BackfillResult = { seconds: number; peakRssMb: number };

/**
 * Backfills `head + 1` blocks with the indexer as its own process (`src/main.ts`, as it runs
 * in production), so its memory is measured apart from the devnet's; answers the time and
 * the process's peak RSS.
 */
export async function backfillRss(
  serverUrl: string,
  nodeUrl: string,
  head: number,
): Promise<BackfillResult> {
  const database = await createTestDatabase(serverUrl);
  let reached: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const stopListening = await listenCommits(database.url, (h) => {
    if (h >= head) reached();
  });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      ALPHA_NODES: nodeUrl,
      DELTA_NODES: '',
      INDEXER_PORT: String(await freePort()),
      NODE_REQUESTS_PER_SECOND: 'unpaced',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const failed = exited.then((code) => {
    throw new Error(`the indexer process exited (code ${code}) before the head`);
  });
  try {
    await Promise.race([done, failed]);
    const seconds = (performance.now() - started) / 1000;
    const pid = child.pid;
    if (pid === undefined) throw new Error('the indexer process has no pid');
    return { seconds, peakRssMb: peakRssMb(pid) };
  } finally {
    failed.catch(() => {});
    child.kill('SIGTERM');
    await exited;
    await stopListening();
    await database.drop();
  }
}
